/* STUB: replaced by the real renderer. */
#include "render.h"
#include "buf.h"
char *render_text(const document *doc, const article *art) {
    buf b; buf_init(&b);
    for (size_t i = 0; i < art->count; i++) node_collect_text(doc, art->roots[i], &b);
    return buf_take(&b);
}
