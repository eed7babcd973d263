#include "select.h"
lede_status select_article(document *doc, const page_hints *hints, article *out) {
    (void)hints;
    out->roots = arena_alloc(&doc->mem, sizeof(node *));
    if (!out->roots) return LEDE_ERR_NOMEM;
    out->roots[0] = doc->root;
    out->count = 1;
    return LEDE_OK;
}
