/*
 * floor.c — what parsing alone costs: the floors lede is measured against.
 *
 *     lede_floor tree|sax [-r REPEAT] FILE...
 *
 * Every extractor has to parse the page before it can do anything with it,
 * so the parse is the floor under any extractor's time. Two floors:
 *
 *   tree  htmlReadMemory() builds libxml2's own DOM and xmlFreeDoc() drops
 *         it: what every extractor built on libxml2's tree (lxml, and with it
 *         trafilatura, readability-lxml, newspaper, goose) pays before its
 *         first line of extraction.
 *   sax   the same tokenizer with empty SAX callbacks and no tree at all:
 *         the least any libxml2-based parser can cost. lede parses through
 *         SAX into its own arena tree, so its parse sits between the two.
 *
 * The files are read into memory first and the clock covers only the
 * parses, REPEAT times over all the files; it prints the seconds that took,
 * the pages parsed and their bytes. Files are taken as UTF-8 (no charset
 * sniffing, no gzip), which is the common case and the cheapest.
 */
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "pages.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#define PARSE_OPTIONS                                                                      \
    (HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET)

static void parse_tree(const page *p) {
    if (p->len > (size_t)INT32_MAX)
        return;
    htmlDocPtr doc = htmlReadMemory(p->bytes, (int)p->len, NULL, "UTF-8", PARSE_OPTIONS);
    xmlFreeDoc(doc);
}

static void on_start_element(void *ctx, const xmlChar *name, const xmlChar **attrs) {
    (void)ctx;
    (void)name;
    (void)attrs;
}

static void on_end_element(void *ctx, const xmlChar *name) {
    (void)ctx;
    (void)name;
}

static void on_characters(void *ctx, const xmlChar *text, int len) {
    (void)ctx;
    (void)text;
    (void)len;
}

static void parse_sax(const page *p) {
    if (p->len > (size_t)INT32_MAX)
        return;
    htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(p->bytes, (int)p->len);
    if (!ctxt)
        return;
    htmlSAXHandler handler;
    memset(&handler, 0, sizeof handler);
    handler.startElement = on_start_element;
    handler.endElement = on_end_element;
    handler.characters = on_characters;
    handler.ignorableWhitespace = on_characters;
    handler.cdataBlock = on_characters;
    /* The context owns (and frees) its sax pointer: lend ours for the
     * parse and put its own back before freeing. */
    htmlSAXHandlerPtr own = (htmlSAXHandlerPtr)ctxt->sax;
    ctxt->sax = (xmlSAXHandlerPtr)&handler;
    ctxt->userData = NULL;
    /* As htmlReadMemory() does with "UTF-8": switch to it, and mark the
     * input so that a <meta charset> in the page does not switch it back. */
    xmlCharEncodingHandlerPtr utf8 = xmlFindCharEncodingHandler("UTF-8");
    if (utf8)
        xmlSwitchToEncoding(ctxt, utf8);
    if (ctxt->input && !ctxt->input->encoding)
        ctxt->input->encoding = xmlStrdup((const xmlChar *)"UTF-8");
    htmlCtxtUseOptions(ctxt, PARSE_OPTIONS);
    htmlParseDocument(ctxt);
    ctxt->sax = (xmlSAXHandlerPtr)own;
    htmlFreeParserCtxt(ctxt);
}

static int usage(void) {
    fputs("usage: lede_floor tree|sax [-r REPEAT] FILE...\n", stderr);
    return 2;
}

int main(int argc, char **argv) {
    if (argc < 2)
        return usage();
    void (*parse)(const page *);
    if (strcmp(argv[1], "tree") == 0)
        parse = parse_tree;
    else if (strcmp(argv[1], "sax") == 0)
        parse = parse_sax;
    else
        return usage();
    int first = 2;
    long repeat = 1;
    if (argc > 3 && strcmp(argv[2], "-r") == 0) {
        char *end = NULL;
        repeat = strtol(argv[3], &end, 10);
        if (!end || *end || repeat < 1)
            return usage();
        first = 4;
    }
    size_t count = (size_t)(argc - first), bytes = 0;
    page *pages = calloc(count ? count : 1, sizeof *pages);
    if (!pages)
        return 1;
    for (size_t i = 0; i < count; i++) {
        int err = page_read(argv[first + (int)i], &pages[i]);
        if (err) {
            fprintf(stderr, "lede_floor: %s: %s\n", argv[first + (int)i], strerror(err));
            return 1;
        }
        bytes += pages[i].len;
    }
    xmlInitParser();
    double start = now();
    for (long r = 0; r < repeat; r++)
        for (size_t i = 0; i < count; i++)
            parse(&pages[i]);
    double seconds = now() - start;
    printf("%.6f seconds %zu pages %zu bytes\n", seconds, count * (size_t)repeat,
           bytes * (size_t)repeat);
    for (size_t i = 0; i < count; i++)
        free(pages[i].bytes);
    free(pages);
    xmlCleanupParser();
    return 0;
}
