/*
 * walk.c — the shared walk of the renderers; see walk.h.
 */
#include "walk.h"

#include <ctype.h>
#include <stddef.h>
#include <string.h>

#include "lede.h"
#include "render.h"
#include "url.h"

bool walk_skips(const node *n, bool figures) {
    if (n->flags & NODE_HIDDEN)
        return true;
    if ((n->flags & NODE_REMOVED) && !(figures && (n->flags & NODE_FIGURE)))
        return true;
    return n->tag != TAG_TEXT && tag_kind((enum tag)n->tag) == K_SKIP;
}

void walk_subtree(const node *top, const walk_visitor *v, void *ctx) {
    const node *n = top;
    while (n) {
        if (!walk_skips(n, v->figures)) {
            v->enter(ctx, n);
            if (n->first_child) {
                n = n->first_child;
                continue;
            }
            v->leave(ctx, n);
        } else if (v->stepped_over && n->tag != TAG_TEXT) {
            v->stepped_over(ctx, n);
        }
        /* Every ancestor whose last child is done is left on the way up. */
        while (n != top && !n->next) {
            n = n->parent;
            v->leave(ctx, n);
        }
        n = n == top ? NULL : n->next;
    }
}

void walk_article(const article *art, const walk_visitor *v, void *ctx) {
    for (size_t i = 0; i < art->count; i++)
        if (art->roots[i])
            walk_subtree(art->roots[i], v, ctx);
}

bool walk_is_blank_text(const document *doc, const node *n) {
    const char *s = node_text(doc, n);
    for (uint32_t i = 0; i < n->text_len; i++)
        if (!walk_is_space((unsigned char)s[i]))
            return false;
    return true;
}

/* Whether URL starts with SCHEME (lower case, ending in ':') the way a
 * browser compares: case-insensitively, with tabs and newlines inside
 * ignored. */
static bool has_scheme(const char *url, const char *scheme) {
    const char *s = url;
    for (const char *want = scheme; *want; s++) {
        if (!*s)
            return false;
        if (*s == '\t' || *s == '\n' || *s == '\r')
            continue;
        if (tolower((unsigned char)*s) != *want)
            return false;
        want++;
    }
    return true;
}

bool walk_url_is_script(const char *url) {
    /* Browsers strip leading C0 controls and spaces before the scheme. */
    while (*url && (unsigned char)*url <= 0x20)
        url++;
    return has_scheme(url, "javascript:") || has_scheme(url, "vbscript:") ||
           has_scheme(url, "data:");
}

const char *walk_link_target(const document *doc, const char *url, buf *scratch, size_t *len) {
    while (walk_is_space((unsigned char)*url))
        url++;
    size_t n = strlen(url);
    while (n > 0 && walk_is_space((unsigned char)url[n - 1]))
        n--;
    scratch->len = 0;
    if (!doc->base_url || !url_resolve_into(scratch, doc->base_url, url, n) || scratch->failed) {
        *len = n;
        return url;
    }
    *len = scratch->len;
    return scratch->data ? scratch->data : "";
}

int walk_heading_level(enum tag t) {
    switch (t) {
    case TAG_H1: return 1;
    case TAG_H2: return 2;
    case TAG_H3: return 3;
    case TAG_H4: return 4;
    case TAG_H5: return 5;
    case TAG_H6: return 6;
    default: return 0;
    }
}

void render_omit(document *doc, const article *art, unsigned omit) {
    doc->omit = omit;
    if (!(omit & (LEDE_OMIT_IMAGES | LEDE_OMIT_TABLES)))
        return;
    for (size_t i = 0; i < art->count; i++) {
        node *top = art->roots[i];
        for (node *n = top; n; n = tree_next(top, n, false)) {
            if (omit & LEDE_OMIT_IMAGES) {
                n->flags &= ~NODE_FIGURE;
                if (n->tag == TAG_IMG || n->tag == TAG_FIGURE)
                    n->flags |= NODE_REMOVED;
            }
            if ((omit & LEDE_OMIT_TABLES) && n->tag == TAG_TABLE)
                n->flags |= NODE_REMOVED;
        }
    }
}
