/*
 * markup.h — the markup as libxml2 is to read it: one pass over the page
 * before the parse (parse.c) that leaves out what libxml2 would read a
 * character at a time for nothing, and bounds what it would read in more
 * than linear time.
 */
#ifndef LEDE_MARKUP_H
#define LEDE_MARKUP_H

#include <stdbool.h>
#include <stddef.h>

/* ---- the bodies of scripts and styles, out of the markup -------------------
 * More than half the bytes of a news page are scripts and styles, which
 * libxml2 reads a character at a time and lede then drops. So before the
 * parse, prepare_markup() finds the start tags of scripts and styles much as
 * libxml2 tokenizes them (comments skipped, the tag's quoted values read as
 * it reads every tag's) and leaves their bodies out of a copy of
 * the markup. What libxml2 does with a body besides
 * handing it over must still happen: it reports an error for each "</"
 * that does not end the element (each charged as a repair, see
 * on_repair()), so a cut body keeps one "</" for each, after a space (a
 * body that starts with "</" is read as an end tag and is not cut). A body
 * with a character libxml2 reports (a control character, a noncharacter,
 * bytes that are not UTF-8) is not cut, and neither is the script of a
 * JSON-LD block or any tag with an entity, which might spell one.
 *
 * The scan is a guess at libxml2's reading, which it must not change: each
 * cut is confirmed when libxml2 opens a script or style at the cut's '>'
 * (confirm_cuts()), and when a cut is passed unconfirmed, or a confirmed
 * one would have kept its text (JSON-LD, a <title>), the page is parsed
 * again uncut. */

typedef struct raw_text_cuts {
    size_t *at; /* offsets in the cut markup of the '>' before each cut body */
    size_t count, cap;
} raw_text_cuts;

/* What one pass over the markup makes of it before libxml2 reads it. */
typedef struct prepared_markup {
    char *limited;      /* the markup with the attributes past the bound blanked, or NULL */
    char *cut;          /* that with bodies cut out (CUTS), or NULL */
    size_t cut_len;
    raw_text_cuts cuts;
} prepared_markup;

/* One pass over IN (LEN bytes) for both ends: the attributes past MAX
 * blanked out of every start tag (into P->limited, a copy made at the first
 * such tag), and, with CUT_BODIES, the bodies of scripts, styles and inert
 * SVG pictures cut out (into P->cut). False when memory ran out; P is to be
 * freed with prepared_free() either way. */
bool prepare_markup(const char *in, size_t len, unsigned max, bool cut_bodies,
                    prepared_markup *p);

void prepared_free(prepared_markup *p);

#endif
