/*
 * notes.h — an article's footnotes, found for the Markdown output.
 *
 * Pages mark footnotes up in many ways (an <ol> of notes at the end, <p>s
 * opening with a named anchor, <aside>s, WordPress's footnotes block,
 * Wikipedia's references), but their links agree: a reference is an
 * in-page link with a short label ("1", "[2]", "*", "a") to an element
 * further down the article, and that element is the note, or, when it is
 * an anchor or an inline element, the block holding it. Inside a note, an
 * in-page link back up the article is the way back to the text. The note
 * may stand outside the article, or in a part cleaning removed: the
 * article refers to it, so it is the article's (hidden parts excepted).
 *
 * Some pages link nothing: a <sup>1</sup> in the text, and a block further
 * down that opens with <sup>1</sup> (under a "Notes" heading, after a rule)
 * is its note; the number pairs them.
 *
 * Markdown writes a reference as [^n] and the note, taken out of the flow,
 * as "[^n]: ..." after the article, numbered in the order the references
 * first come. A note must hold text, must not hold its reference nor a
 * heading, and must not be a list, a table, a section or the article: a
 * link to those is navigation, not a note.
 */
#ifndef LEDE_RENDER_NOTES_H
#define LEDE_RENDER_NOTES_H

#include <stdbool.h>
#include <stdint.h>

#include "extract/select.h"
#include "tree.h"

/* A note is at most this long: a longer target is a part of the page. */
#define NOTE_MAX_CHARS 4000

enum note_role { NOTE_NONE, NOTE_REFERENCE, NOTE_BODY, NOTE_BACKLINK };

typedef struct notes {
    uint32_t *roles;    /* by node order: number << 2 | enum note_role; NULL: no notes */
    const node **bodies; /* the notes, by number - 1 */
    uint32_t count;
} notes;

/* Find the footnotes of ART. False when out of memory. */
bool notes_find(notes *out, const document *doc, const article *art);

/* N's role and, for a reference or a note, its number in *NUMBER. */
enum note_role notes_role(const notes *ns, const node *n, uint32_t *number);

void notes_free(notes *ns);

#endif
