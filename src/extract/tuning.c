/*
 * tuning.c — the values of the three tuning tables, and why each is what
 * it is (tuning.h says what each means).
 *
 * Most numbers are the same in every focus: they are written once, in the
 * *_SHARED lists, which each table takes whole. The few that make a focus
 * are written in each table, side by side. Readability's numbers are kept
 * where lede scores as Readability does, years of Firefox reader view being
 * their test; lede's own were measured on the shared evaluation sets, and
 * "row N" below is the row of docs/accuracy.md that measured the rule.
 *
 * Precision and recall differ from balanced only in the same direction:
 * recall never removes more than balanced, precision never less
 * (tests/test_tuning.c holds the tables to that).
 */
#include "tuning.h"

#define CLEAN_SHARED                                                                      \
    /* more than half: an element holding most of the page is the page, */                \
    /* whatever its name (row 1: `body_overlay`, an ASP.NET <form>), and */               \
    /* an <aside> holding most of its prose is the article (row 34) */                    \
    .wrapper_text_share = 0.5,                                                            \
    /* but a wrapper of more links than text is a menu around the page */                 \
    .wrapper_max_link_density = 0.5,                                                      \
    /* a header or form of a line or two is chrome; one with a paragraph's */             \
    /* worth of text may hold the standfirst */                                           \
    .small_block_chars = 200,                                                             \
    /* more link text than other text: a block of links */                                \
    .linky_block_density = 0.5,                                                           \
    /* score.c's shortest paragraph and its measure of prose, so that the */              \
    /* page's prose and the article's are counted alike */                                \
    .prose_paragraph_chars = 25,                                                          \
    .prose_max_link_density = 0.5,                                                        \
    /* row 18: a dateline <span> of "CAIRO —" in its sentence; a paragraph */             \
    /* that says twice as much is plainly more than the element */                        \
    .running_text_ratio = 2,                                                              \
    /* a language's name or a file's path */                                              \
    .code_toolbar_label_chars = 40

#define SCORE_SHARED                                                                      \
    /* Readability's: a shorter line is a label or a button */                            \
    .min_paragraph_chars = 25,                                                            \
    /* Readability's points: one a paragraph, one a comma, one a hundred */               \
    /* characters up to three, so that commas (prose has them, menus do */                \
    /* not) weigh as much as length */                                                    \
    .paragraph_points = 1,                                                                \
    .chars_per_point = 100,                                                               \
    .length_points_max = 3,                                                               \
    /* Readability's spread: five levels, the parent fully, the */                        \
    /* grandparent half, then a third of the level */                                     \
    .ancestor_levels = 5,                                                                 \
    .grandparent_divider = 2,                                                             \
    .far_level_divider = 3,                                                               \
    /* row 14: an excerpt of another story scores a quarter, enough to */                 \
    /* count toward a listing's container, never enough to outweigh prose */              \
    .teaser_divider = 4,                                                                  \
    /* a paragraph more than half links is a list of links */                             \
    .prose_max_link_density = 0.5,                                                        \
    /* Readability's: a name weighs as much as a long paragraph's points */               \
    .class_weight = 25,                                                                   \
    /* Readability's tag bases: prose containers ahead, lists and forms */                \
    /* behind, headings further behind (they title, they do not hold) */                  \
    .container_tag_base = 5,                                                              \
    .block_tag_base = 3,                                                                  \
    .list_tag_base = -3,                                                                  \
    .heading_tag_base = -5

#define SELECT_SHARED                                                                     \
    /* Readability's: three runners-up within three quarters of the best */               \
    /* under one ancestor are the article's parts */                                      \
    .runner_up_share = 0.75f,                                                             \
    .runners_up_needed = 3,                                                               \
    /* Readability's: a parent under a third of the choice's score holds */               \
    /* other things than the article */                                                   \
    .climb_score_divider = 3,                                                             \
    /* row 16: a fifth more prose (a quarter missed an opening chunk, */                  \
    /* 0.15 cost aeb precision) */                                                        \
    .widen_min_gain = 0.20f,                                                              \
    /* Readability's sibling rules: a fifth of the best score, at least */                \
    /* ten; a <p> of more than 80 characters with under a quarter links */                \
    .sibling_score_share = 0.2f,                                                          \
    .sibling_score_min = 10,                                                              \
    .sibling_prose_chars = 80,                                                            \
    .sibling_prose_link_density = 0.25f,                                                  \
    /* a teaser is a few lines, and three rivals half as strong make a */                 \
    /* column of them; four <article>s in the choice are a front page */                  \
    /* (row 14) */                                                                        \
    .listing_max_chars = 500,                                                             \
    .listing_rivals = 3,                                                                  \
    .listing_rival_share = 0.5f,                                                          \
    .listing_inner_articles = 4,                                                          \
    /* row 3: a tiny page is what it is; a tiny choice in a page with */                  \
    /* four times more text is what a listing leaves after its links went */              \
    .min_article_chars = 100,                                                             \
    .short_article_page_share = 4,                                                        \
    /* confidence is full at the length of a short news story and at the */               \
    /* score a dozen prose paragraphs give; length weighs most, a short */                \
    /* choice being the one most often a part of the article (row 12); */                 \
    /* an article half links has no confidence from its links */                          \
    .confident_chars = 1500.0,                                                            \
    .confident_score = 60.0,                                                              \
    .confidence_length_weight = 0.35,                                                     \
    .confidence_score_weight = 0.25,                                                      \
    .confidence_links_weight = 0.2,                                                       \
    .confidence_alone_weight = 0.2,                                                       \
    .confidence_link_penalty = 2.0,                                                       \
    /* row 27: a standfirst is a sentence to a paragraph with few links, */               \
    /* within a few blocks of the body */                                                 \
    .lead_min_chars = 40,                                                                 \
    .lead_max_chars = 1000,                                                               \
    .lead_max_link_density = 0.2f,                                                        \
    .lead_max_blocks = 8,                                                                 \
    .lead_scope_levels = 3,                                                               \
    /* the baseline (row 21): clean's wrapper share, so that a chrome tag */              \
    /* around most of the page is the page; a table mostly of words is */                 \
    /* data, a calendar's numbers are not (row 42); score's paragraph and */              \
    /* prose; a card is a headline and an excerpt of a few lines */                       \
    .baseline_chrome_text_share = 0.5,                                                    \
    .data_table_worded_share = 0.5,                                                       \
    .baseline_min_chars = 25,                                                             \
    .baseline_max_link_density = 0.5f,                                                    \
    .teaser_max_chars = 600

#define TRIM_SHARED                                                                       \
    /* Readability's: ten commas is prose, unless they are headlines' */                  \
    /* commas inside links */                                                             \
    .prose_commas = 10,                                                                   \
    .prose_max_link_density = 0.5,                                                        \
    /* Readability's: even a container named as content, or a list, is */                 \
    /* boilerplate when more than half links */                                           \
    .content_max_link_density = 0.5f,                                                     \
    /* Readability's gallery (fewer than one paragraph per two pictures), */              \
    /* with a caption's worth of text per picture at most: more is prose */               \
    /* written with <br> between pictures (row 2) */                                      \
    .gallery_paragraphs_per_image = 0.5f,                                                 \
    .caption_chars = 200,                                                                 \
    /* Readability's bound is a list item per paragraph; real articles */                 \
    /* have long lists */                                                                 \
    .list_item_allowance = 100,                                                           \
    /* Readability's: an input for every three paragraphs is a form */                    \
    .paragraphs_per_input = 3,                                                            \
    /* Readability's: under 25 characters with links and no heading is a */               \
    /* link, unless a picture or two make it a figure */                                  \
    .min_container_chars = 25,                                                            \
    .link_container_max_heading_density = 0.9f,                                           \
    .link_container_max_images = 2,                                                       \
    /* Readability's: an embed with less than a sentence around it */                     \
    .embed_context_chars = 75,                                                            \
    /* headlines, bylines and labels are a line or two; a longer block is */              \
    /* prose even when it opens like one */                                               \
    .max_copy_chars = 400,                                                                \
    /* row 36: an alt text of three words and twelve characters describes */              \
    /* its picture; fewer words ("Logo", a user name, a person's name) */                 \
    /* are labels prose may repeat, and a formula's alt ("R(M,x)") is no */               \
    /* words; a credit after it ("| © Kevin C. Cox/Getty Images") is a */                 \
    /* few words, more are prose about the picture */                                     \
    .min_picture_words = 3,                                                               \
    .min_picture_words_chars = 12,                                                        \
    .max_caption_credit_words = 6,                                                        \
    /* "Publisher: " or " | Section" beside a headline */                                 \
    .headline_copy_extra = 40,                                                            \
    /* "By Jane Doe and John Roe, Staff Writers | May 3"; the author's */                 \
    /* name with half a byline of title and date around it */                             \
    .max_byline_chars = 120,                                                              \
    .byline_author_extra = 60,                                                            \
    /* shorter cut-off lines are not told from a sentence's start */                      \
    .min_teaser_chars = 40,                                                               \
    /* row 8: a label is a few words; one opening a link to another */                    \
    /* story ("Related: …") is a headline long, the link half of it */                    \
    .max_label_chars = 60,                                                                \
    .max_linked_label_chars = 200,                                                        \
    .linked_label_density = 0.5f,                                                         \
    /* a sentence or two (rows 13, 41); a credit names one source (row 37) */             \
    .max_call_to_action_chars = 200,                                                      \
    .max_credit_line_chars = 120,                                                         \
    .max_publication_note_chars = 200,                                                    \
    /* row 24: a heading, or a short line that ends no sentence, and at */                \
    /* most four of them: more is the article's own end */                                \
    .max_orphan_heading_chars = 150,                                                      \
    .max_orphan_label_chars = 60,                                                         \
    .max_orphan_labels = 4,                                                               \
    /* row 28: past 60 % of the text; a block of 150 characters with under */             \
    /* 30 % links after the label is the story's last section */                          \
    .tail_label_position = 0.6,                                                           \
    .tail_prose_chars = 150,                                                              \
    .tail_prose_link_density = 0.3f

/* Balanced's clean and select parts, which precision shares. */
/* row 6: captions describe pictures, not the story (aeb 0.9575 → 0.9688) */
#define BALANCED_CLEAN {CLEAN_SHARED, .keep_figures = false}
/* rows 7, 10: what widening adds is prose, with a split article's inline
 * links (10 % refused them) */
#define BALANCED_SELECT                                                                     \
    {SELECT_SHARED, .widen_prose_share = 0.8f, .widen_max_link_density = 0.2f}

static const lede_tuning balanced = {
    .clean = BALANCED_CLEAN,
    .score = {SCORE_SHARED},
    .select = BALANCED_SELECT,
    .trim =
        {
            TRIM_SHARED,
            .containers_by_links_only = false,
            /* Readability's: a container not named as content */
            .container_max_link_density = 0.2f,
            /* row 8: one link and nothing else (a little punctuation) */
            .link_paragraph_density = 0.9f,
        },
};

/* Precision: balanced, with half the links a container may hold and a
 * paragraph half links taken for a link. */
static const lede_tuning precision = {
    .clean = BALANCED_CLEAN,
    .score = {SCORE_SHARED},
    .select = BALANCED_SELECT,
    .trim =
        {
            TRIM_SHARED,
            .containers_by_links_only = false,
            .container_max_link_density = 0.1f,
            .link_paragraph_density = 0.5f,
        },
};

/* Recall: what a reader-mode view keeps, at the risk of a caption or a
 * teaser more. */
static const lede_tuning recall = {
    /* row 6: the reader-mode pages keep captions (pages 0.9626 → 0.9586
     * without them) */
    .clean = {CLEAN_SHARED, .keep_figures = true},
    .score = {SCORE_SHARED},
    /* looser prose: a split article's chunks carry more links and labels */
    .select = {SELECT_SHARED, .widen_prose_share = 0.6f, .widen_max_link_density = 0.3f},
    .trim =
        {
            TRIM_SHARED,
            /* only link lists go: every container is held to the link
             * density a container named as content may have */
            .containers_by_links_only = true,
            .container_max_link_density = 0.5f,
            .link_paragraph_density = 0.9f,
        },
};

const lede_tuning *tuning_for_focus(lede_focus focus) {
    switch (focus) {
    case LEDE_FOCUS_PRECISION:
        return &precision;
    case LEDE_FOCUS_RECALL:
        return &recall;
    default:
        return &balanced;
    }
}
