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
#include <stdint.h>

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

/* ---- attributes, read by lede rather than by libxml2 ------------------------
 * libxml2 reads an attribute a character at a time, its name through two
 * calls a character and a dictionary lookup, its value into a buffer of
 * its own, and checks it against every earlier attribute of its tag: on
 * news pages (long class lists, URLs, srcsets, data blobs, tracking
 * attributes) that costs more than all their text. An attribute it would
 * read without a report (a name it reads whole, a value with no control
 * character, only UTF-8 it reads quietly, and only references it replaces
 * quietly) lede can as well take from the markup itself. So the same pass
 * takes such attributes out of the copy, name and value, and notes every
 * attribute of the tag in order, each taken or left for libxml2 to read
 * (a value with an unknown reference, say); when libxml2 opens the tag,
 * the builder puts them together again (parse.c, copy_attrs()), replacing
 * the references of the values taken as libxml2 would have.
 *
 * Only tags read alike by both are touched: names libxml2 reads whole, no
 * '/' but at the end, no form feed (a space to the scan, not to libxml2),
 * no name repeated (libxml2 drops the repeat with a report, which is
 * charged as a repair), no bound passed, and not <html>, <head> or
 * <body>, whose repeats libxml2 drops without an event. As with the
 * bodies, each tag is confirmed: libxml2 must open an element of its name
 * at the '>' noted for it, and report exactly the attributes left to it,
 * by name and in order (a '>' alone could be the end of a tag libxml2
 * began elsewhere); a tag libxml2 passes unconfirmed (it read the markup
 * otherwise: a NUL, say, which ends a value to it) has the page parsed
 * again whole. */

/* The value V (LEN bytes) of an attribute taken with REFS, into OUT (LEN
 * bytes room: a reference is never shorter than its character), its
 * references replaced as libxml2 replaces them; the bytes written. */
size_t markup_value_decode(const char *v, size_t len, char *out);

/* In place of a run of text taken out (below): DEL, a byte libxml2 hands
 * over as it is. */
#define TAKEN_TEXT_MARK '\x7f'

typedef struct taken_attr {
    size_t name, value; /* offsets in the markup as given; VALUE 0: no value */
    size_t end;         /* the offset just past the attribute */
    uint32_t name_len;
    size_t value_len;
    bool refs;          /* the value holds references, for markup_value_decode() */
    bool left;          /* left in the markup, for libxml2 to read */
} taken_attr;

typedef struct taken_tag {
    size_t gt;           /* offset in the cut markup of the tag's '>' */
    size_t name;         /* offset of its name in the markup as given */
    uint32_t name_len;
    size_t first, count; /* its attributes: attrs[first, first + count) */
} taken_tag;

/* Text between a tag and the next '<' goes the same way, where libxml2
 * would hand it over as it is (quiet bytes, as a value's, and tabs and line
 * ends) and treats the mark in its place alike: as text that is not blank
 * (at the top, in <html> or <head>, libxml2 sets blank text apart, and
 * would imply a <p> for the mark): one non-blank byte at least, or a blank
 * run inside the <body>. The mark libxml2 then hands over alone, at the
 * '<' after it, confirms the run (a blank one: if libxml2 implied no <p>
 * there for it); libxml2 hands a long text over in pieces, and the builder
 * takes pieces and whole alike. */
typedef struct taken_run {
    size_t at, len; /* the text in the markup as given */
    size_t lt;      /* offset in the cut markup of the '<' after its mark */
    bool blank;     /* all blank (inside the <body>) */
    bool raw;       /* the body of a script or style (raw text to libxml2) */
} taken_run;

typedef struct taken_markup {
    taken_attr *attrs;
    size_t attr_count, attr_cap;
    taken_tag *tags;
    size_t tag_count, tag_cap;
    taken_run *runs;
    size_t run_count, run_cap;
    /* The comments whose bodies went (see below): for each, the offset in
     * the cut markup just past its "-->". */
    size_t *comments;
    size_t comment_count, comment_cap;
} taken_markup;

/* ---- comments --------------------------------------------------------------
 * libxml2 reads a comment a character at a time into a buffer of its own,
 * which lede, having no use for comments, never asks for. A comment that
 * libxml2 would read quietly (closed by "-->", no "--!>" in it, no byte it
 * reports on) loses its body: "<!---->" is left, which libxml2 reports as
 * an empty comment ending where the scan's ended, and that confirms it. */

/* What one pass over the markup makes of it before libxml2 reads it. */
typedef struct prepared_markup {
    char *limited;      /* the markup with the attributes past the bound blanked, or NULL */
    char *cut;          /* that with bodies, attributes and text cut out, or NULL */
    size_t cut_len;
    raw_text_cuts cuts;
    taken_markup taken;
    size_t bodies_cut, attrs_cut, text_cut, comments_cut; /* bytes of each left out of CUT */
} prepared_markup;

/* One pass over IN (LEN bytes) for all three ends: the attributes past MAX
 * blanked out of every start tag (into P->limited, a copy made at the first
 * such tag), and, with CUT, the bodies of scripts, styles and inert SVG
 * pictures and of quiet comments cut out and plain attributes and text
 * taken out (into P->cut).
 * False when memory ran out; P is to be freed with prepared_free() either
 * way. */
bool prepare_markup(const char *in, size_t len, unsigned max, bool cut, prepared_markup *p);

void prepared_free(prepared_markup *p);

#endif
