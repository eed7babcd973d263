/* STUB: replaced by the real metadata extractor. */
#include "metadata.h"
lede_status metadata_extract(const document *doc, const char *page_url, lede_result *res) {
    (void)doc; (void)page_url; (void)res;
    return LEDE_OK;
}
