/*
 * metadata.h — the page's metadata: what it declares about itself (JSON-LD,
 * OpenGraph, <meta>, <link rel=canonical>, <html lang>), with the visible
 * headline and byline as fallback.
 */
#ifndef LEDE_METADATA_H
#define LEDE_METADATA_H

#include "result.h"
#include "tree.h"

/* Fill the metadata fields of RES (title, author and authors, date,
 * modified, sitename, description, language, url, image, section, tags,
 * type, and RES->sources) from DOC; fields the page does not carry stay
 * NULL. PAGE_URL is the caller's address for the page, or NULL. Reads the
 * whole tree, ignoring NODE_REMOVED. Returns LEDE_ERR_NOMEM or LEDE_OK. */
lede_status metadata_extract(const document *doc, const char *page_url, lede_result *res);

/* When the page declared no language (RES->language is NULL), guess it
 * from TEXT, the article as plain text, and set RES->language with the
 * source "detected"; a text too short or too mixed to tell stays NULL.
 * Returns LEDE_ERR_NOMEM or LEDE_OK (also when nothing was detected). */
lede_status metadata_detect_language(const char *text, lede_result *res);

/* Load the language profiles now rather than at the first detection. */
void metadata_preload(void);

#endif
