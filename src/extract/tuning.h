/*
 * tuning.h — every threshold and weight of finding the article, in one
 * table per focus (balanced, precision, recall).
 *
 * Why a table: the numbers that decide what is article text were spread
 * over clean.c, score.c, select.c and trim.c, some named, some bare in the
 * expressions, one retyped in a second file, and the focus was tested in
 * three files. Here each number has a name, what it means (this file) and
 * why it has its value (tuning.c); the stages read the table they are
 * handed and never test the focus. A change of tuning is a change of this
 * table alone, and the three focuses can be read side by side.
 *
 * Each field has the type its expressions compute in (double, float or a
 * count): changing a type changes results at the edges, as rounding does.
 * The fields are grouped by the stage that reads them; a number the same in
 * every focus is written once in tuning.c and shared by the three tables.
 */
#ifndef LEDE_TUNING_H
#define LEDE_TUNING_H

#include <stdbool.h>
#include <stdint.h>

#include "lede.h"

/* How many of the best candidates select.c compares (Readability's five).
 * A constant, not a field, because it sizes select.c's array of them; the
 * same for every focus. */
#define TUNING_TOP_CANDIDATES 5

/* clean.c: what is page chrome before the article is looked for. */
typedef struct clean_tuning {
    /* An element holding more than this share of the page's text, or of its
     * paragraph prose, is a wrapper: never removed for its name or tag alone. */
    double wrapper_text_share;
    /* ...unless links make up more than this share of its text. */
    double wrapper_max_link_density;
    /* Headers, forms and mixed names are chrome below this many characters... */
    uint32_t small_block_chars;
    /* ...or above this link density (and a lead-named element above it is a
     * card of links). */
    double linky_block_density;
    /* Paragraph prose: <p>s of at least this many characters... */
    uint32_t prose_paragraph_chars;
    /* ...with less than this share of links. */
    double prose_max_link_density;
    /* An inline element is part of its paragraph's sentence when the
     * paragraph holds more than this many times its text. */
    uint32_t running_text_ratio;
    /* The longest label a code block's toolbar shows beside its buttons. */
    uint32_t code_toolbar_label_chars;
    /* <figure> and <figcaption> stay in the text. */
    bool keep_figures;
} clean_tuning;

/* score.c: how much each element looks like the article's container. */
typedef struct score_tuning {
    /* A paragraph shorter than this (in characters) is a label, not prose. */
    uint32_t min_paragraph_chars;
    /* Every paragraph gets this many points... */
    float paragraph_points;
    /* ...plus one per comma, plus one per full chars_per_point characters,
     * at most length_points_max of those. */
    uint32_t chars_per_point;
    uint32_t length_points_max;
    /* How many ancestors a paragraph's points reach: its parent fully, its
     * grandparent divided by grandparent_divider, an ancestor L levels up
     * divided by L * far_level_divider. */
    int ancestor_levels;
    float grandparent_divider;
    int far_level_divider;
    /* A paragraph cut off with an ellipsis gives its points divided by this. */
    float teaser_divider;
    /* A paragraph with less than this share of links is prose. */
    double prose_max_link_density;
    /* What a content name adds to an element's score and a chrome name
     * takes off (trim.c weighs containers with it too). */
    float class_weight;
    /* Scores an element starts from by its tag: <div>, <article>, <main>;
     * <pre>, <td>, <blockquote>; lists, <address>, <form>; headings, <th>. */
    float container_tag_base;
    float block_tag_base;
    float list_tag_base;
    float heading_tag_base;
} score_tuning;

/* select.c: which candidate is the article, and how sure that is. */
typedef struct select_tuning {
    /* A runner-up scoring at least this share of the best is part of the
     * same article, and this many of them under one ancestor make it the
     * article. */
    float runner_up_share;
    int runners_up_needed;
    /* Climbing to a parent stops where it scores below the choice's score
     * divided by this. */
    float climb_score_divider;
    /* Widening to an ancestor needs this share more prose... */
    float widen_min_gain;
    /* ...of which what it adds is at least this share prose... */
    float widen_prose_share;
    /* ...and at most this share links. */
    float widen_max_link_density;
    /* A sibling joins when it scores this share of the best (a sibling of
     * the same class gets this share of the best as a bonus), and never
     * below sibling_score_min... */
    float sibling_score_share;
    float sibling_score_min;
    /* ...or when it is a <p> longer than this with less than this share of
     * links. */
    uint32_t sibling_prose_chars;
    float sibling_prose_link_density;
    /* A choice shorter than listing_max_chars with listing_rivals unrelated
     * candidates scoring listing_rival_share of it is one teaser of a
     * listing; one holding listing_inner_articles <article>s is a list of
     * stories. */
    uint32_t listing_max_chars;
    int listing_rivals;
    float listing_rival_share;
    unsigned listing_inner_articles;
    /* A choice shorter than this is no article when the page has
     * short_article_page_share times more text; a page with less prose
     * outside its comments reads its comments as prose. */
    uint32_t min_article_chars;
    uint32_t short_article_page_share;
    /* Confidence: a choice of confident_chars whose container scores
     * confident_score is as clear as articles get; the four weights of
     * length, score, few links and no rivals sum to one, and the links'
     * signal falls by confidence_link_penalty times the link share. */
    double confident_chars;
    double confident_score;
    double confidence_length_weight;
    double confidence_score_weight;
    double confidence_links_weight;
    double confidence_alone_weight;
    double confidence_link_penalty;
    /* A standfirst: lead_min_chars to lead_max_chars with at most
     * lead_max_link_density links, among the lead_max_blocks text blocks
     * before the body, inside the story's <article> or <main> or else
     * lead_scope_levels up. */
    uint32_t lead_min_chars;
    uint32_t lead_max_chars;
    float lead_max_link_density;
    int lead_max_blocks;
    int lead_scope_levels;
    /* The baseline: a chrome tag with less than this share of the page's
     * text is outside the article... */
    double baseline_chrome_text_share;
    /* ...a table with more than this share of worded cells is data... */
    double data_table_worded_share;
    /* ...a paragraph is at least this long and at most this share links... */
    uint32_t baseline_min_chars;
    float baseline_max_link_density;
    /* ...and a block this short led by a linked heading is a teaser card. */
    uint32_t teaser_max_chars;
} select_tuning;

/* trim.c: what goes from inside the chosen article. */
typedef struct trim_tuning {
    /* A container with this many commas and less than prose_max_link_density
     * links is prose, whatever else it holds. */
    uint32_t prose_commas;
    double prose_max_link_density;
    /* Containers go by their link density alone (link lists), never for
     * pictures, list items, inputs or embeds. */
    bool containers_by_links_only;
    /* The link density above which a container goes... */
    float container_max_link_density;
    /* ...and above which even a list or a container named as content goes. */
    float content_max_link_density;
    /* A gallery: more than one picture, fewer paragraphs per picture than
     * this, less than caption_chars of text per picture. */
    float gallery_paragraphs_per_image;
    uint32_t caption_chars;
    /* A container with more list items than paragraphs plus this is a list
     * of links. */
    uint32_t list_item_allowance;
    /* A container with more inputs than its paragraphs divided by this is a
     * form. */
    uint32_t paragraphs_per_input;
    /* A container shorter than this, with links, less than this share
     * headings and no picture or more than this many, is a link. */
    uint32_t min_container_chars;
    float link_container_max_heading_density;
    uint32_t link_container_max_images;
    /* One embed with less text than this around it is all the container is. */
    uint32_t embed_context_chars;
    /* Blocks longer than this are never taken for copies or labels. */
    uint32_t max_copy_chars;
    /* A picture's alt or title of this many words and characters describes
     * it; a caption repeating it may add this many words of credit. */
    uint32_t min_picture_words;
    uint32_t min_picture_words_chars;
    uint32_t max_caption_credit_words;
    /* How many characters may stand beside a headline in a copy of it. */
    uint32_t headline_copy_extra;
    /* The longest byline; a line naming the author may be this much longer
     * than the name. */
    uint32_t max_byline_chars;
    uint32_t byline_author_extra;
    /* Teasers shorter than this are not told from a sentence. */
    uint32_t min_teaser_chars;
    /* Labels are this short, or this long when they open a link that makes
     * up this share of the block. */
    uint32_t max_label_chars;
    uint32_t max_linked_label_chars;
    float linked_label_density;
    /* The longest call to action, credit line and publication note. */
    uint32_t max_call_to_action_chars;
    uint32_t max_credit_line_chars;
    uint32_t max_publication_note_chars;
    /* A paragraph at least this share links is a link. */
    float link_paragraph_density;
    /* Trailing headings and other blocks this short, at most this many, are
     * labels whose block is gone. */
    uint32_t max_orphan_heading_chars;
    uint32_t max_orphan_label_chars;
    int max_orphan_labels;
    /* A tail label stands after this share of the article's text, and a
     * block after it this long with less than this share of links is the
     * story going on. */
    double tail_label_position;
    uint32_t tail_prose_chars;
    float tail_prose_link_density;
} trim_tuning;

typedef struct lede_tuning {
    clean_tuning clean;
    score_tuning score;
    select_tuning select;
    trim_tuning trim;
} lede_tuning;

/* The table of FOCUS (one of lede_focus, which options.c checks). */
const lede_tuning *tuning_for_focus(lede_focus focus);

#endif
