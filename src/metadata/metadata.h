/*
 * metadata.h — the page's metadata: what it declares about itself (JSON-LD,
 * OpenGraph, <meta>, <link rel=canonical>, <html lang>), with the visible
 * headline and byline as fallback.
 */
#ifndef LEDE_METADATA_H
#define LEDE_METADATA_H

#include "lede.h"
#include "tree.h"

/* Fill the metadata fields of RES (title, author, date, sitename,
 * description, language, url, image, section, tags) from DOC; fields the
 * page does not carry stay NULL. PAGE_URL is the caller's address for the
 * page, or NULL. Reads the whole tree, ignoring NODE_REMOVED. Returns
 * LEDE_ERR_NOMEM or LEDE_OK. */
lede_status metadata_extract(const document *doc, const char *page_url, lede_result *res);

#endif
