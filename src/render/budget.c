/*
 * budget.c — the output bound (max_output) kept by cutting the article in
 * the tree before it is rendered.
 *
 * The body is cut in the tree rather than in the rendered string so that
 * every format stays well formed: the text up to the bound is kept, the
 * text run where it falls is cut at a character boundary, everything after
 * it is flagged removed. The bound is on bytes of output, which markup and
 * escaping make larger than the text, so the cut is made on an estimate and
 * made again, smaller, while the rendering is still too long; each try
 * renders less than the one before. What the cut counts is what the
 * renderers show, by the walk's own rule (walk_skips), so that the two
 * cannot drift apart.
 *
 * The other strings of the result (metadata, comments) are plain text and
 * are cut as strings.
 */
#include "budget.h"

#include <stdlib.h>
#include <string.h>

#include "render.h"
#include "result.h"
#include "walk.h"
#include "utf8.h"

/* Output bytes an element adds besides its text: tags, a blank line, list
 * markers; an estimate that the renderings check. */
#define ELEMENT_OUTPUT_BYTES 16u

static lede_status render_body(const document *doc, const article *art, lede_format format,
                               lede_result *res) {
    res->text = render_text(doc, art);
    if (!res->text)
        return LEDE_ERR_NOMEM;
    switch (format) {
    case LEDE_FORMAT_MARKDOWN:
        res->body = render_markdown(doc, art);
        break;
    case LEDE_FORMAT_HTML:
        res->body = render_html(doc, art);
        break;
    default:
        res->body = strdup(res->text);
        break;
    }
    return res->body ? LEDE_OK : LEDE_ERR_NOMEM;
}

/* The output N adds besides its children: its text, its markup and the
 * attributes that Markdown and HTML carry over. */
static size_t output_weight(const node *n) {
    if (n->tag == TAG_TEXT)
        return n->text_len;
    size_t w = ELEMENT_OUTPUT_BYTES;
    static const char *const carried[] = {"href", "src", "alt"};
    for (size_t i = 0; i < sizeof carried / sizeof carried[0]; i++) {
        const char *v = node_attr(n, carried[i]);
        if (v)
            w += strlen(v);
    }
    return w;
}

/* Keep about BUDGET bytes of ART's output: cut the text run where the
 * budget runs out and flag everything after it removed. The figures the
 * Markdown and HTML walks show back are not counted: the estimate is the
 * text's, which the renderings check. Returns whether anything was cut. */
static bool cut_article(document *doc, const article *art, size_t budget) {
    size_t used = 0;
    bool cutting = false;
    for (size_t i = 0; i < art->count; i++) {
        node *top = art->roots[i];
        for (node *n = top; n;) {
            bool skip = walk_skips(n, false);
            if (!skip && cutting) {
                n->flags |= NODE_REMOVED;
                skip = true;
            } else if (!skip && used + output_weight(n) > budget) {
                cutting = true;
                size_t room = budget - used;
                if (n->tag == TAG_TEXT && room > 0) {
                    n->text_len = (uint32_t)utf8_cut(node_text(doc, n), room);
                } else {
                    n->flags |= NODE_REMOVED;
                    skip = true;
                }
            } else if (!skip) {
                used += output_weight(n);
            }
            n = tree_next(top, n, skip);
        }
    }
    return cutting;
}

static size_t longer(const char *a, const char *b) {
    size_t la = strlen(a), lb = strlen(b);
    return la > lb ? la : lb;
}

/* Cut *S to MAX bytes at a character boundary; returns whether it was. */
static bool cut_string(char *s, size_t max) {
    if (!s || strlen(s) <= max)
        return false;
    s[utf8_cut(s, max)] = '\0';
    return true;
}

lede_status render_within_budget(document *doc, const article *art, lede_format format,
                                 size_t max, lede_result *res) {
    size_t budget = max;
    if (cut_article(doc, art, budget))
        res->truncated |= LEDE_TRUNCATED_OUTPUT;
    for (;;) {
        lede_status st = render_body(doc, art, format, res);
        if (st != LEDE_OK)
            return st;
        size_t out = longer(res->text, res->body);
        if (out <= max)
            return LEDE_OK;
        res->truncated |= LEDE_TRUNCATED_OUTPUT;
        if (budget == 0) {
            /* MAX is below the markup of an empty article: cut the strings */
            cut_string(res->text, max);
            cut_string(res->body, max);
            return LEDE_OK;
        }
        free(res->text);
        free(res->body);
        res->text = res->body = NULL;
        size_t smaller = (size_t)((double)budget * ((double)max / (double)out) * 0.9);
        budget = smaller < budget ? smaller : budget / 2;
        cut_article(doc, art, budget);
    }
}

void render_cut_fields(lede_result *res, size_t max) {
    char *fields[] = {res->title, res->author, res->date, res->sitename, res->description,
                      res->language, res->url, res->image, res->section, res->comments,
                      res->modified, res->type};
    bool cut = false;
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++)
        cut |= cut_string(fields[i], max);
    for (size_t i = 0; i < res->tag_count; i++)
        cut |= cut_string(res->tags[i], max);
    for (size_t i = 0; i < res->author_count; i++)
        cut |= cut_string(res->authors[i], max);
    if (cut)
        res->truncated |= LEDE_TRUNCATED_OUTPUT;
}
