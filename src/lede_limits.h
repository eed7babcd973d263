/*
 * lede_limits.h — every bound lede puts on its input, in one place.
 *
 * Pages from the open web can be of any size and shape; these numbers keep
 * time and memory bounded whatever arrives. Each one is a default that a
 * caller may change through the lede_options field named beside it (0 there
 * means this default). Going over a bound is never a crash and never a
 * silent loss: the input is refused with a status (LEDE_ERR_TOO_LARGE), or
 * the result is built from what fits and lede_result.truncated says which
 * bound cut it (LEDE_TRUNCATED_*).
 *
 * Measured on one core of a 2-core machine, release build: libxml2 (2.9.14)
 * parses 50-100 MB of markup a second, and lede's own stages are linear in
 * the tree, so the input bound alone keeps a page within seconds (the worst
 * measured, 120 MB of paragraphs, takes 7 s and 900 MB through the command);
 * the other bounds exist for the few shapes that are not linear or that blow
 * memory up out of proportion to the bytes (notes at each).
 */
#ifndef LEDE_LIMITS_H
#define LEDE_LIMITS_H

/* Largest input accepted (lede_options.max_input). Real article pages are
 * rarely above 5 MB; 256 MB leaves room for the worst pages of a crawl while
 * keeping one page's tree well inside a worker's memory. The bound holds
 * for a gzip'ed body inflated too (decode.c stops inflating one byte past
 * max_input and refuses the page), so a caller's smaller max_input also
 * bounds the memory a compressed page can take. */
#define LEDE_MAX_INPUT ((size_t)256 << 20)

/* Deepest element nesting kept (lede_options.max_depth). Real pages nest
 * fewer than 100 levels; deeper elements are not made into nodes, their text
 * goes to the element at this depth, so that hostile nesting cannot make any
 * walk or the output deep. At most 65534 (the tree stores depth in 16 bits).
 * Sets LEDE_TRUNCATED_DEPTH. */
#define LEDE_MAX_DEPTH 512u

/* Most nodes (elements and text runs) in one page's tree
 * (lede_options.max_nodes). A node takes about 110 bytes and later stages
 * keep a few dozen bytes more per node, so 4 million nodes is about 600 MB:
 * the tree of a 256 MB page of paragraphs (about 1 node a KB) fits with room
 * to spare, while 256 MB of "<br>" (64 million elements, 7 GB as nodes) is
 * stopped after its first 16 MB. The biggest real pages hold well under a
 * million nodes. Parsing stops at the bound: what follows is not read.
 * Sets LEDE_TRUNCATED_NODES. */
#define LEDE_MAX_NODES 4000000u

/* Attributes kept per element (lede_options.max_attrs); later ones are
 * dropped. No real element carries more than a few dozen. The bound also
 * keeps libxml2 linear: it checks each attribute of a start tag against all
 * the earlier ones for duplicates, so 1 million attributes on one element
 * cost it about 20 minutes; parse.c blanks the ones past this bound out of
 * the markup before libxml2 reads it. At most 65535. Sets
 * LEDE_TRUNCATED_ATTRS. */
#define LEDE_MAX_ATTRS 64u

/* Longest attribute value kept, in bytes (lede_options.max_attr_len); longer
 * values are cut at a character boundary. Real values worth reading (class,
 * href, content of <meta>) are under 2 KB; the long ones are data: URIs of
 * inline images, which lede never emits. 64 KB keeps any real URL and
 * description, and keeps the tree of a page of 50 MB attributes small. Sets
 * LEDE_TRUNCATED_ATTRS. */
#define LEDE_MAX_ATTR_LEN ((size_t)64 << 10)

/* Longest string in a result, in bytes (lede_options.max_output). The
 * longest articles (a book chapter, a full court ruling) are a few hundred
 * KB of text; 16 MB is far beyond any article and keeps the result of a
 * 256 MB page of text within a small multiple of it. The body and the text
 * are cut at the element where the bound falls (a text run is cut at a
 * character boundary), so that Markdown and HTML bodies stay well formed;
 * other fields are cut at a character boundary. Sets
 * LEDE_TRUNCATED_OUTPUT. */
#define LEDE_MAX_OUTPUT ((size_t)16 << 20)

/* Longest JSON-LD block read, in bytes (not an option). Real blocks are a
 * few KB, but a page may carry its whole article as articleBody: the
 * longest articles are a few hundred KB, and 16 MB matches LEDE_MAX_OUTPUT,
 * the most of an article lede would give back. jansson parses tens of MB a
 * second and holds about three times the text as its tree, so a block at
 * the bound costs a fraction of a second and under 100 MB. A longer block
 * is a data dump: it is not read, and its page gets LEDE_TRUNCATED_JSONLD,
 * as does a page with more blocks than the metadata stage reads (16). */
#define LEDE_MAX_JSONLD ((size_t)16 << 20)

/* Work libxml2 may spend repairing markup, in steps of its stack of open
 * elements (not an option). libxml2 is linear in the input but for repairs:
 * an end tag that matches no open element, or a misplaced <body>, makes it
 * scan its whole stack of open elements (about 6 ns a step), so 100,000 of
 * them under 100,000 open <div>s cost 30-60 s; and each repair is reported
 * as an error, which costs it about 0.6 us (100 steps) to format and store.
 * parse.c charges each repair the depth of the stack plus those 100 steps
 * and stops the parser when the sum passes this bound: 2^28 steps is about
 * 1.5 s of repairs, or 2.6 million repairs on a shallow stack, where the
 * worst real pages make a few thousand. Sets LEDE_TRUNCATED_REPAIRS. */
#define LEDE_MAX_REPAIR_WORK ((unsigned long long)1 << 28)

#endif
