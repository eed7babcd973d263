/*
 * test_render.c — the three renderers on small documents built from HTML
 * strings, compared with exact expected output.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "arena.h"
#include "buf.h"
#include "parse.h"
#include "render/render.h"
#include "tree.h"

typedef char *(*renderer)(const document *, const article *);

/* A parsed page and the article made of one root: <body> when the page has
 * one, else the whole document. */
typedef struct page {
    document doc;
    node *root;
    article art;
} page;

static node *find_tag(const document *doc, enum tag t) {
    for (node *n = doc->root; n; n = tree_next(doc->root, n, false))
        if (n->tag == t)
            return n;
    return NULL;
}

static void page_parse(page *p, const char *html) {
    memset(p, 0, sizeof *p);
    assert_int_equal(parse_html(html, strlen(html), 512, &p->doc), LEDE_OK);
    p->root = find_tag(&p->doc, TAG_BODY);
    if (!p->root)
        p->root = p->doc.root;
    p->art.roots = &p->root;
    p->art.count = 1;
}

static void page_free(page *p) {
    document_free(&p->doc);
}

static void expect_render(renderer fn, const page *p, const char *expected) {
    char *out = fn(&p->doc, &p->art);
    assert_non_null(out);
    assert_string_equal(out, expected);
    free(out);
}

/* Render HTML with FN and compare with EXPECTED. */
static void expect(renderer fn, const char *html, const char *expected) {
    page p;
    page_parse(&p, html);
    expect_render(fn, &p, expected);
    page_free(&p);
}

static void expect_absent(renderer fn, const page *p, const char *needle) {
    char *out = fn(&p->doc, &p->art);
    assert_non_null(out);
    if (strstr(out, needle))
        fail_msg("\"%s\" found in:\n%s", needle, out);
    free(out);
}

/* ---- text ---------------------------------------------------------------- */

/* TEXT with every whitespace run as one space and none at the ends: what
 * the text renderer and node_collect_text() write for one paragraph. */
static void naive_collapse(const char *text, char *out) {
    size_t n = 0;
    for (const char *c = text; *c; c++) {
        if (strchr(" \n\t\r\f", *c)) {
            if (n && out[n - 1] != ' ')
                out[n++] = ' ';
        } else {
            out[n++] = *c;
        }
    }
    while (n && out[n - 1] == ' ')
        n--;
    out[n] = '\0';
}

/* Pins the collapsing of whitespace that goes eight bytes at a time (the
 * text renderer's single_spaced_run(), tree.c's append_collapsed()): on
 * texts of every length made of the pieces that matter (single and double
 * spaces, newlines and tabs at any offset, a two-byte letter), the output
 * is the byte-at-a-time collapse. */
static void test_collapsing_matches_the_obvious_one(void **state) {
    (void)state;
    static const char *const pieces[] = {"a", "bc", " ", "  ", "\n", "\t", "\xC3\xA9", "word "};
    uint32_t seed = 4242;
    for (int round = 0; round < 400; round++) {
        char text[300] = "", html[400], want[310];
        size_t n = (size_t)(round % 60);
        for (size_t k = 0; k < n; k++) {
            seed = seed * 1103515245u + 12345u;
            strcat(text, pieces[(seed >> 16) % (sizeof pieces / sizeof pieces[0])]);
        }
        snprintf(html, sizeof html, "<html><body><p>x%s</p></body></html>", text);
        char counted[310];
        snprintf(counted, sizeof counted, "x%s", text);
        naive_collapse(counted, want);
        page p;
        page_parse(&p, html);
        expect_render(render_text, &p, want);
        buf collected;
        buf_init(&collected);
        node_collect_text(&p.doc, find_tag(&p.doc, TAG_P), &collected);
        buf_rtrim(&collected, " ");
        assert_string_equal(collected.len ? collected.data : "", want);
        buf_free(&collected);
        page_free(&p);
    }
}

static void test_text_blocks_are_paragraphs(void **state) {
    (void)state;
    expect(render_text,
           "<body><h1> The  title </h1>\n<p>First\n  paragraph.</p>"
           "<p>Second <b>bold</b> <a href='/x'>link</a>.</p></body>",
           "The title\n\nFirst paragraph.\n\nSecond bold link.");
}

static void test_list_items_are_own_paragraphs(void **state) {
    (void)state;
    expect(render_text, "<p>Intro</p><ul>\n<li>one</li>\n<li>two <i>2</i></li></ul><ol><li>three</li></ol>",
           "Intro\n\none\n\ntwo 2\n\nthree");
}

static void test_br_is_newline_inside_paragraph(void **state) {
    (void)state;
    expect(render_text, "<p>line one <br> line two<br></p><p><br>next</p>",
           "line one\nline two\n\nnext");
}

static void test_double_br_ends_paragraph(void **state) {
    (void)state;
    expect(render_text, "<div>one<br><br>two<br> <br><br>three</div>", "one\n\ntwo\n\nthree");
}

static void test_text_pre_keeps_whitespace(void **state) {
    (void)state;
    expect(render_text, "<p>Code:</p><pre>\n  if (x)\n\n      y();  \n\n</pre><p>after</p>",
           "Code:\n\n  if (x)\n\n      y();\n\nafter");
}

static void test_loose_div_text_is_own_paragraph(void **state) {
    (void)state;
    expect(render_text, "<div>before<p>inside</p>between<div>nested</div>after</div>",
           "before\n\ninside\n\nbetween\n\nnested\n\nafter");
}

static void test_empty_blocks_leave_no_blank_lines(void **state) {
    (void)state;
    expect(render_text, "<div>\n <p> </p><div><span> </span></div>\n<p>a</p><p></p>\n<div> </div><p>b</p> </div>",
           "a\n\nb");
}

static void test_text_table_cells_joined_by_pipe(void **state) {
    (void)state;
    expect(render_text,
           "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td> 31 </td></tr></table>",
           "Name | Age\n\nAnn | 31");
}

static void test_text_images_produce_nothing(void **state) {
    (void)state;
    expect(render_text, "<p>a <img src='x.png' alt='pic'> b</p><figure><img src='y.png'><figcaption>cap</figcaption></figure>",
           "a b\n\ncap");
}

static void test_text_blockquote_and_definitions(void **state) {
    (void)state;
    expect(render_text, "<blockquote><p>q1</p><p>q2</p></blockquote><dl><dt>term</dt><dd>def</dd></dl>",
           "q1\n\nq2\n\nterm\n\ndef");
}

/* ---- markdown ------------------------------------------------------------- */

static void test_markdown_headings_and_paragraphs(void **state) {
    (void)state;
    expect(render_markdown, "<h1>Title</h1><p>Text</p><h3>Sub <em>head</em></h3><h6>six<br>lines</h6><p>End</p>",
           "# Title\n\nText\n\n### Sub *head*\n\n###### six lines\n\nEnd");
}

static void test_markdown_nested_inline_emphasis_and_links(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>A <strong>bold <em>and <a href='http://e.com/a b'>em link</a></em></strong> "
           "<b><b>twice</b></b> <code>x*y</code> end.</p>",
           "A **bold *and [em link](http://e.com/a%20b)*** **twice** `x*y` end.");
}

static void test_markdown_javascript_link_keeps_text(void **state) {
    (void)state;
    expect(render_markdown, "<p><a href=' JavaScript:alert(1)'>click</a> and <a>plain</a></p>",
           "click and plain");
}

static void test_markdown_empty_marks_write_nothing(void **state) {
    (void)state;
    expect(render_markdown, "<p>a <em> </em><a href='/x'></a><strong><span></span></strong> b</p>", "a b");
}

static void test_markdown_emphasis_is_reopened_across_paragraphs(void **state) {
    (void)state;
    expect(render_markdown, "<a href='/story'><div>Headline</div><div>Teaser</div></a>",
           "[Headline](/story)\n\n[Teaser](/story)");
}

static void test_markdown_keeps_text_where_syntax_would_misparse(void **state) {
    (void)state;
    expect(render_markdown, "<p>word<em>(x)</em> <b>a</b><b>b</b> !<a href='/l'>link</a> <code>a</code><code>b</code></p>",
           "word(x) **a**b \\![link](/l) `a` `b`");
}

static void test_markdown_nested_list_is_indented(void **state) {
    (void)state;
    expect(render_markdown,
           "<ul><li>one<ul><li>one.a</li><li>one.b<ol><li>deep</li></ol></li></ul></li>"
           "<li>two</li></ul><p>after</p>",
           "- one\n  - one.a\n  - one.b\n    1. deep\n- two\n\nafter");
}

static void test_markdown_ordered_list_counts_from_start(void **state) {
    (void)state;
    expect(render_markdown, "<ol start='9'><li>nine</li><li></li><li>ten<br>more</li></ol>",
           "9. nine\n10. ten\\\n    more");
}

static void test_markdown_blockquote_keeps_paragraphs(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Before</p><blockquote><p>One</p><p>Two</p><blockquote>Inner</blockquote></blockquote><p>After</p>",
           "Before\n\n> One\n>\n> Two\n>\n> > Inner\n\nAfter");
}

static void test_markdown_pipe_table_has_header_row(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Scores</p><table><thead><tr><th>Team</th><th>Goals</th></tr></thead>"
           "<tbody><tr><td><b>A|B</b></td><td>3</td></tr><tr><td>C</td><td></td></tr></tbody></table>",
           "Scores\n\n| Team | Goals |\n| --- | --- |\n| **A\\|B** | 3 |\n| C |  |");
}

static void test_markdown_layout_table_is_paragraphs(void **state) {
    (void)state;
    expect(render_markdown, "<table><tr><td><p>First para.</p><p>Second para.</p></td></tr></table>",
           "First para.\n\nSecond para.");
}

static void test_markdown_table_rows_may_be_implied(void **state) {
    (void)state;
    expect(render_markdown,
           "<table><thead><th></th><th>Base</th></thead>"
           "<tbody><tr><td>16e</td><td>7.8mm</td></tr></tbody><td>16</td><td>7.9mm</td></table>",
           "|  | Base |\n| --- | --- |\n| 16e | 7.8mm |\n| 16 | 7.9mm |");
}

static void test_markdown_table_cell_blocks_are_one_line(void **state) {
    (void)state;
    expect(render_markdown,
           "<table><tr><td>Name</td><td>Notes</td></tr>"
           "<tr><td><p>A</p><p>B</p></td><td><ul><li>one</li><li>two|2</li></ul>x<br>y</td></tr>"
           "</table>",
           "| Name | Notes |\n| --- | --- |\n| A B | one two\\|2 x y |");
}

static void test_markdown_table_rows_are_padded_and_spans_kept(void **state) {
    (void)state;
    expect(render_markdown,
           "<table><tr><th>Item</th><th colspan='2'>Price</th></tr>"
           "<tr><td>tea</td><td>1</td><td>2</td></tr><tr><td>cake</td></tr>"
           "<tr><td colspan=2>total</td><td>3</td></tr></table>",
           "| Item | Price | Price |\n| --- | --- | --- |\n| tea | 1 | 2 |\n| cake |  |  |\n"
           "| total |  | 3 |");
}

/* table.h's rule: what a cell's line cannot carry makes a layout table. */
static void test_markdown_table_with_blocks_is_paragraphs(void **state) {
    (void)state;
    static const char *const breakers[] = {"<h3>Head</h3>", "<blockquote>Head</blockquote>",
                                           "<pre>Head</pre>", "<hr>Head",
                                           "<table><tr><td>Head</td></tr></table>"};
    for (size_t i = 0; i < sizeof breakers / sizeof breakers[0]; i++) {
        char html[256];
        snprintf(html, sizeof html, "<table><tr><td>%s</td><td>b</td></tr></table>", breakers[i]);
        page p;
        page_parse(&p, html);
        expect_absent(render_markdown, &p, "|");
        page_free(&p);
    }
    expect(render_markdown, "<table><tr><td>one</td></tr><tr><td>two</td></tr></table>",
           "one\n\ntwo");
}

static void test_markdown_math_is_tex(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Let <script type='math/tex'>x^2</script> be, with <span class='katex'>"
           "<span class='katex-mathml'><math><semantics><mrow><mi>k</mi></mrow>"
           "<annotation encoding='application/x-tex'>k_{n+1}</annotation></semantics></math>"
           "</span><span class='katex-html' aria-hidden='true'>kn+1</span></span> and "
           "<math alttext='a\\le b'><mi>a</mi></math>.</p>"
           "<script type='math/tex; mode=display'>E =\n mc^2</script>"
           "<p><span data-math='\\forall x'><span>rendered</span></span> "
           "<img src='f.svg' alt='\\frac{a}{b}'> <math><mi>q</mi></math>end</p>",
           "Let $x^2$ be, with $k_{n+1}$ and $a\\le b$.\n\n$$\nE = mc^2\n$$\n\n"
           "$\\forall x$ $\\frac{a}{b}$ end");
}

/* parse.c cuts long script bodies out before libxml2 reads them; a TeX
 * script longer than the cut threshold is one whose text is kept. */
static void test_markdown_long_tex_script_survives_the_cut(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Then</p><script type='math/tex; mode=display'>\\sum_{k=1}^{n} k^2 = "
           "\\frac{n(n+1)(2n+1)}{6} \\quad\\text{for every natural number } n</script>"
           "<p>holds.</p>",
           "Then\n\n$$\n\\sum_{k=1}^{n} k^2 = \\frac{n(n+1)(2n+1)}{6} "
           "\\quad\\text{for every natural number } n\n$$\n\nholds.");
}

static void test_markdown_footnotes_go_to_the_end(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Claim<sup id='r1'><a href='#n1'>[1]</a></sup> and again<sup><a href='#n1'>1</a>"
           "</sup>, other<a href='#n2'>*</a>.</p><p>See <a href='#later'>the section</a> or "
           "<a href='#n3'>2</a>.</p><ul id='n3'><li>a list</li></ul><h2 id='later'>Notes</h2>"
           "<ol><li id='n1'>First <em>note</em>. <a href='#r1'>\xE2\x86\xA9</a></li>"
           "<li><a name='n2'></a>Second note.</li></ol>",
           "Claim[^1] and again[^1], other[^2].\n\nSee [the section](#later) or [2](#n3).\n\n"
           "- a list\n\n[^1]: First *note*.\n\n[^2]: Second note.");
}

/* select.c may join the notes' items to the article as roots of their own. */
static void test_markdown_note_may_be_an_article_root(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<p>Claim<a href='#n1'>1</a>.</p><ol><li id='n1'>The note.</li></ol>");
    node *li = find_tag(&p.doc, TAG_LI);
    assert_non_null(li);
    li->flags |= NODE_SELECTED;
    expect_render(render_markdown, &p, "Claim[^1].\n\n[^1]: The note.");
    page_free(&p);
}

/* A note the article refers to is the article's, in a part cleaning
 * removed or outside the article; a hidden one is not. */
static void test_markdown_note_outside_the_article_is_kept(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<main><p>Claim<a href='#n1'>1</a> and<a href='#n2'>2</a>.</p></main>"
                   "<aside><p id='n1'>The note.</p></aside><div hidden><p id='n2'>Gone.</p></div>");
    node *main = find_tag(&p.doc, TAG_MAIN), *aside = find_tag(&p.doc, TAG_ASIDE);
    assert_non_null(main);
    assert_non_null(aside);
    aside->flags |= NODE_REMOVED;
    p.root = main;
    expect_render(render_markdown, &p, "Claim[^1] and[2](#n2).\n\n[^1]: The note.");
    aside->first_child->flags |= NODE_REMOVED; /* the note itself removed */
    expect_render(render_markdown, &p, "Claim[^1] and[2](#n2).\n\n[^1]: The note.");
    page_free(&p);
}

static void test_markdown_heading_of_removed_section_goes(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<h2>One</h2><p>a</p><h2>Two</h2><div><p>related links</p></div>"
                   "<h2>Three</h2><math><mi>x</mi></math><h2>Four</h2><p>b</p><hr>");
    node *gone = find_tag(&p.doc, TAG_DIV);
    assert_non_null(gone);
    gone->flags |= NODE_REMOVED;
    expect_render(render_markdown, &p, "## One\n\na\n\n## Three\n\n## Four\n\nb");
    page_free(&p);
}

static void test_markdown_heading_permalinks_and_actions_go(void **state) {
    (void)state;
    expect(render_markdown,
           "<h2 id='a'><a href='#a'>Title</a> <a href='#a'>\xC2\xB6</a></h2><p>x</p>"
           "<a href='#b'><div><h2 id='b'>Two</h2></div></a><p>y</p>"
           "<h2>History<span>[</span><a href='/edit?s=1'>edit</a><span>]</span></h2><p>z</p>"
           "<h3>Paper: <a href='https://e.org/p'>Name</a> <a href='/x'>\xF0\x9F\x94\x97</a></h3>"
           "<p>See <a href='#a'>1</a> [<a href='/y'>y</a>]</p>",
           "## Title\n\nx\n\n## Two\n\ny\n\n## History\n\nz\n\n"
           "### Paper: [Name](https://e.org/p)\n\nSee [1](#a) \\[[y](/y)\\]");
}

static void test_markdown_callout_is_a_quote(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Before</p><div class='alert alert-info'><div class='alert-title'>Note</div>"
           "<p>Mind the gap.</p></div><div class='callouts'><p>After</p></div>",
           "Before\n\n> Note\n>\n> Mind the gap.\n\nAfter");
}

static void test_markdown_pre_is_fenced(void **state) {
    (void)state;
    expect(render_markdown, "<p>x</p><pre><code class='language-c'>\nint a;\n\n  b(); // *no* _escapes_\n</code></pre>",
           "x\n\n```c\nint a;\n\n  b(); // *no* _escapes_\n```");
}

/* The fence's language as highlighters write it: an attribute of the
 * <pre> (rehype-pretty-code), the <code>'s class under a <pre> with a
 * class of its own (Chroma), Hexo's "highlight sh" on a <figure> around a
 * table that sets line numbers beside the code; not a class that only
 * starts like one ("highlight-wrap"), and not the class of a section
 * around more than the block. */
static void test_markdown_fence_language_from_highlighters(void **state) {
    (void)state;
    expect(render_markdown, "<pre data-language='fish'>set x 1</pre>", "```fish\nset x 1\n```");
    expect(render_markdown,
           "<pre class='chroma'><code class='language-cpp' data-lang='cpp'>int a;</code></pre>",
           "```cpp\nint a;\n```");
    expect(render_markdown,
           "<figure class='highlight sh'><table><tr><td class='gutter'><pre>1\n2</pre></td>"
           "<td class='code'><pre>ls\ncd</pre></td></tr></table></figure>",
           "```sh\n1\n2\n```\n\n```sh\nls\ncd\n```"); /* clean.c drops the gutter */
    expect(render_markdown,
           "<code class='highlight-wrap language-ts'><pre>let a = 1;</pre></code>",
           "```ts\nlet a = 1;\n```");
    expect(render_markdown,
           "<div class='language-switcher lang-de'><p>Ein langer Absatz, der mehr ist als der "
           "Code.</p><pre>x = 1</pre></div>",
           "Ein langer Absatz, der mehr ist als der Code.\n\n```\nx = 1\n```");
}

/* A <code> alone where blocks go is a listing, its whitespace kept less
 * the source's shared indentation; one beside words, in a paragraph or in
 * a list item stays a span, and so does one around a <pre>. */
static void test_markdown_code_standing_alone_is_fenced(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>Set the address:</p><div style='display:flex'><code style='white-space:pre'>\n"
           "/ip address\nadd address=10.0.0.1/24   interface=ether1\n</code></div><p>Done.</p>",
           "Set the address:\n\n```\n/ip address\nadd address=10.0.0.1/24   interface=ether1\n"
           "```\n\nDone.");
    expect(render_markdown,
           "<article><p>First:</p>\n  <code class='hl lean block'>\n    <span>def</span> m : Nat "
           ":= 1    -- one\n      <span>#eval</span> m\n  </code>\n<p>Next.</p></article>",
           "First:\n\n```\ndef m : Nat := 1    -- one\n  #eval m\n```\n\nNext.");
    expect(render_markdown, "<div>Run <code>make   all</code> now.</div>", "Run `make all` now.");
    expect(render_markdown, "<p><code>make</code></p><ul><li><code>make</code></li></ul>",
           "`make`\n\n- `make`");
}

/* An element that names its language and holds only text is the listing
 * before a highlighter's script colours it. */
static void test_markdown_text_with_a_language_is_fenced(void **state) {
    (void)state;
    expect(render_markdown,
           "<dd><p>For example:</p><div class='code-block' data-lang='http'>GET /items\n\n"
           "&gt; {%\n    log(status)\n%}</div></dd>",
           "For example:\n\n```http\nGET /items\n\n> {%\n    log(status)\n%}\n```");
    expect(render_markdown, "<p>Say <span data-lang='fr'>bonjour</span>.</p>", "Say bonjour.");
}

/* Blocks of code with nothing between them are one listing: a command and
 * its output, fragments of one example; a blank fragment is a blank line.
 * A word between them keeps them apart. */
static void test_markdown_adjacent_code_blocks_are_one_listing(void **state) {
    (void)state;
    expect(render_markdown,
           "<div><code class='block'>#check true</code>\n<pre class='output'>Bool</pre>\n"
           "<code class='block'><span>\n</span></code><code class='block'>#eval 5</code>"
           "<pre>5</pre></div><p>After.</p>",
           "```\n#check true\nBool\n\n#eval 5\n5\n```\n\nAfter.");
    expect(render_markdown, "<pre>a</pre>or<pre>b</pre>", "```\na\n```\n\nor\n\n```\nb\n```");
}

/* A table whose rows are each a cell that says it numbers the line and a
 * cell of code is the listing of those lines; the numbers are no code, nor
 * the whitespace between the table's parts, nor classes of layout after
 * "highlight". A table of ranks, numbered by its text, stays a table. */
static void test_markdown_numbered_line_table_is_fenced(void **state) {
    (void)state;
    expect(render_markdown,
           "<table class='highlight tab-size mb-0'>\n  <tbody><tr>\n    <td data-line-number='7'>"
           "</td>\n    <td class='blob-code'>  <span>if</span> (x) {</td>\n  </tr><tr>\n"
           "    <td data-line-number='8'></td>\n    <td class='blob-code'>      y();</td>\n  "
           "</tr></tbody></table>",
           "```\nif (x) {\n    y();\n```");
    expect(render_markdown,
           "<table><tr><td>1</td><td>Ada</td></tr><tr><td>2</td><td>Bo</td></tr></table>",
           "| 1 | Ada |\n| --- | --- |\n| 2 | Bo |");
}

static void test_markdown_fence_outgrows_backticks_inside(void **state) {
    (void)state;
    expect(render_markdown, "<pre>```\nquoted\n```</pre><p>a <code>`tick`</code></p>",
           "````\n```\nquoted\n```\n````\n\na `` `tick` ``");
}

static void test_markdown_escapes_block_starts(void **state) {
    (void)state;
    expect(render_markdown,
           "<p>1. not a list</p><p># not a heading</p><p>- not a bullet</p><p>&gt; not a quote</p>"
           "<p>2019 was #1 - yes</p>",
           "1\\. not a list\n\n\\# not a heading\n\n\\- not a bullet\n\n\\> not a quote\n\n"
           "2019 was #1 - yes");
}

static void test_markdown_escapes_inline_syntax(void **state) {
    (void)state;
    expect(render_markdown, "<p>*a* [b] `c` snake_case _d_ &lt;div&gt; a &lt; b &amp;amp; AT&amp;T \\</p>",
           "\\*a\\* \\[b\\] \\`c\\` snake_case \\_d\\_ \\<div> a < b \\&amp; AT&T \\\\");
}

static void test_markdown_image_and_rule(void **state) {
    (void)state;
    expect(render_markdown, "<p>a</p><hr><figure><img src='/i (1).png' alt='A [cat]'><figcaption>Cat</figcaption></figure>"
           "<img src='javascript:x'>",
           "a\n\n---\n\n![A \\[cat\\]](/i%20\\(1\\).png)\n\nCat");
}

/* ---- html ----------------------------------------------------------------- */

static void test_html_keeps_href_drops_other_attributes(void **state) {
    (void)state;
    expect(render_html,
           "<div class='post' style='color:red'><p class='lead' onclick='x()'>Hi "
           "<span class='x'><a href='/a?b=1&amp;c=2' class='c' target='_blank'>link</a></span>"
           "</p><img src='a.png' alt='A' width='10' onerror='x()'></div>",
           "<article>\n<p>Hi <a href=\"/a?b=1&amp;c=2\">link</a></p>\n"
           "<p><img src=\"a.png\" alt=\"A\"></p>\n</article>");
}

static void test_html_unwraps_div_and_span(void **state) {
    (void)state;
    expect(render_html, "<section><div>One</div><div><span>Two</span> <em>2</em></div><div><p>Three</p></div></section>",
           "<article>\n<p>One</p>\n<p>Two <em>2</em></p>\n<p>Three</p>\n</article>");
}

static void test_html_escapes_text_and_attributes(void **state) {
    (void)state;
    expect(render_html, "<p>a &lt; b &amp; c &gt; \"d\" <a href='/q?x=\"1\"&amp;y=&lt;'>e</a></p>",
           "<article>\n<p>a &lt; b &amp; c &gt; &quot;d&quot; "
           "<a href=\"/q?x=&quot;1&quot;&amp;y=&lt;\">e</a></p>\n</article>");
}

static void test_html_drops_javascript_href(void **state) {
    (void)state;
    expect(render_html, "<p><a href='javascript:void(0)'>js</a> <a href='java\tscript:x'>tab</a> <a name='n'>anchor</a></p>",
           "<article>\n<p>js tab anchor</p>\n</article>");
}

static void test_html_lists_tables_and_voids(void **state) {
    (void)state;
    expect(render_html,
           "<ul><li>a<br>b</li></ul><hr><table><tr><td colspan='2' class='x'>c</td>"
           "<td rowspan='x'>d</td></tr></table><pre>  x\n   y</pre>",
           "<article>\n<ul>\n<li>a<br>b</li>\n</ul>\n<hr>\n<table>\n<tr>\n<td colspan=\"2\">c</td>\n"
           "<td>d</td>\n</tr>\n</table>\n<pre><code>  x\n   y</code></pre>\n</article>");
}

/* Blocks of code come out as the Markdown output fences them: <pre><code>
 * with the fence's language as a class; a <code> alone where blocks go
 * less the source's shared indentation, one beside words a span; a link
 * in a listing stays, a <code> inside a <pre> is the listing's own. */
static void test_html_code_blocks_as_markdown_fences_them(void **state) {
    (void)state;
    expect(render_html,
           "<p>x</p><pre class='chroma'><code class='language-cpp'>\nint a; // <a href='/a'>a</a>"
           "\n</code></pre>",
           "<article>\n<p>x</p>\n<pre><code class=\"language-cpp\">int a; // "
           "<a href=\"/a\">a</a></code></pre>\n</article>");
    expect(render_html,
           "<article><p>First:</p>\n  <code class='hl lean block'>\n    <span>def</span> m : Nat "
           ":= 1 &lt; 2\n      <span>#eval</span> m\n  </code>\n<p>Next.</p></article>",
           "<article>\n<p>First:</p>\n<pre><code>def m : Nat := 1 &lt; 2\n  #eval m</code></pre>\n"
           "<p>Next.</p>\n</article>");
    expect(render_html, "<div>Run <code>make   all</code> now.</div>",
           "<article>\n<p>Run <code>make all</code> now.</p>\n</article>");
}

/* An element that names its language and holds only text is a listing. */
static void test_html_text_with_a_language_is_code(void **state) {
    (void)state;
    expect(render_html,
           "<dd><p>For example:</p><div class='code-block' data-lang='http'>GET /items\n\n"
           "    log(status)\n</div></dd>",
           "<article>\n<dd><p>For example:</p>\n<pre><code class=\"language-http\">GET /items\n\n"
           "    log(status)</code></pre>\n</dd>\n</article>");
}

/* Blocks of code with nothing between them are one <pre>; a word between
 * them keeps them apart. */
static void test_html_adjacent_code_blocks_are_one_pre(void **state) {
    (void)state;
    expect(render_html,
           "<div><code class='block'>#check true</code>\n<pre class='output'>Bool</pre>\n"
           "<code class='block'><span>\n</span></code><code class='block'>#eval 5</code>"
           "<pre>5</pre></div><p>After.</p>",
           "<article>\n<pre><code>#check true\nBool\n\n#eval 5\n5</code></pre>\n<p>After.</p>\n"
           "</article>");
    expect(render_html, "<pre>a</pre>or<pre>b</pre>",
           "<article>\n<pre><code>a</code></pre>\n<p>or</p>\n<pre><code>b</code></pre>\n"
           "</article>");
}

/* A table of numbered lines is one listing of its code cells, without the
 * numbers or the whitespace between the table's parts. */
static void test_html_numbered_line_table_is_code(void **state) {
    (void)state;
    expect(render_html,
           "<table class='highlight tab-size mb-0'>\n  <tbody><tr>\n    <td data-line-number='7'>"
           "7</td>\n    <td class='blob-code'>  <span>if</span> (x) {</td>\n  </tr><tr>\n"
           "    <td data-line-number='8'>8</td>\n    <td class='blob-code'>      y();</td>\n  "
           "</tr></tbody></table>",
           "<article>\n<pre><code>if (x) {\n    y();</code></pre>\n</article>");
}

static void test_html_block_inside_inline_is_unwrapped(void **state) {
    (void)state;
    expect(render_html, "<a href='/s'><div>Headline</div><div>Teaser</div></a><li><div>x</div><div>y</div></li>",
           "<article>\n<p><a href=\"/s\">Headline<br>\nTeaser</a></p>\n<li>x<br>\ny</li>\n</article>");
}

static void test_html_empty_blocks_write_nothing(void **state) {
    (void)state;
    expect(render_html, "<p> </p><ul><li><span></span></li></ul><blockquote><p></p></blockquote>"
           "<table><tr><td></td><td>x</td></tr></table>",
           "<article>\n<table>\n<tr>\n<td></td>\n<td>x</td>\n</tr>\n</table>\n</article>");
}

/* ---- links against the page's base URL ------------------------------------- */

/* With a base URL every href and src comes out absolute (RFC 3986, dot
 * segments removed); script links stay dropped; without one they stay as
 * the page wrote them. */
static void test_links_resolve_against_base(void **state) {
    (void)state;
    static const char html[] =
        "<p><a href=' ../up/a.html '>up</a> <a href='/root'>root</a> "
        "<a href='javascript:x()'>js</a> <img src='i (1).png' alt='i'> "
        "<a href='#n'>note</a> <a href='mailto:x@y.z'>mail</a></p>";
    page p;
    page_parse(&p, html);
    p.doc.base_url = "https://ex.com/news/2024/story.html?id=1";
    expect_render(render_markdown, &p,
                  "[up](https://ex.com/news/up/a.html) [root](https://ex.com/root) js "
                  "![i](https://ex.com/news/2024/i%20\\(1\\).png) "
                  "[note](https://ex.com/news/2024/story.html?id=1#n) [mail](mailto:x@y.z)");
    expect_render(render_html, &p,
                  "<article>\n<p><a href=\"https://ex.com/news/up/a.html\">up</a> "
                  "<a href=\"https://ex.com/root\">root</a> js "
                  "<img src=\"https://ex.com/news/2024/i (1).png\" alt=\"i\"> "
                  "<a href=\"https://ex.com/news/2024/story.html?id=1#n\">note</a> "
                  "<a href=\"mailto:x@y.z\">mail</a></p>\n</article>");
    p.doc.base_url = NULL;
    expect_render(render_markdown, &p,
                  "[up](../up/a.html) [root](/root) js ![i](i%20\\(1\\).png) [note](#n) "
                  "[mail](mailto:x@y.z)");
    page_free(&p);
}

/* ---- what every renderer leaves out --------------------------------------- */

static const renderer all_renderers[] = {render_text, render_markdown, render_html};

static void test_removed_node_is_skipped(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<p>keep</p><div id='ad'><p>advert</p></div><p>also</p>");
    node *ad = find_tag(&p.doc, TAG_DIV);
    assert_non_null(ad);
    ad->flags |= NODE_REMOVED;
    expect_render(render_text, &p, "keep\n\nalso");
    for (size_t i = 0; i < 3; i++)
        expect_absent(all_renderers[i], &p, "advert");
    page_free(&p);
}

static void test_hidden_node_is_skipped(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<p>keep <span style='display:none'>secret</span></p><p hidden>gone</p>"
                   "<div aria-hidden='true'>aria</div>");
    expect_render(render_text, &p, "keep");
    for (size_t i = 0; i < 3; i++) {
        expect_absent(all_renderers[i], &p, "secret");
        expect_absent(all_renderers[i], &p, "gone");
        expect_absent(all_renderers[i], &p, "aria");
    }
    page_free(&p);
}

static void test_script_text_never_appears(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<p>a<script>var evil = 1;</script>b</p><style>p{color:red}</style>"
                   "<script type='application/ld+json'>{\"@type\":\"NewsArticle\"}</script>"
                   "<form><button>Subscribe</button><select><option>opt</option></select></form>"
                   "<noscript>Enable JS</noscript><svg><text>svg</text></svg>");
    expect_render(render_text, &p, "ab");
    static const char *const banned[] = {"evil", "color", "NewsArticle", "Subscribe", "opt",
                                         "Enable", "svg"};
    for (size_t i = 0; i < 3; i++)
        for (size_t k = 0; k < sizeof banned / sizeof *banned; k++)
            expect_absent(all_renderers[i], &p, banned[k]);
    page_free(&p);
}

static void test_roots_render_in_order(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<h1>Head</h1><nav>menu</nav><p>Body</p>");
    node *roots[2] = {find_tag(&p.doc, TAG_H1), find_tag(&p.doc, TAG_P)};
    article art = {.roots = roots, .count = 2};
    char *text = render_text(&p.doc, &art);
    char *md = render_markdown(&p.doc, &art);
    char *html = render_html(&p.doc, &art);
    assert_string_equal(text, "Head\n\nBody");
    assert_string_equal(md, "# Head\n\nBody");
    assert_string_equal(html, "<article>\n<h1>Head</h1>\n<p>Body</p>\n</article>");
    free(text);
    free(md);
    free(html);
    page_free(&p);
}

static void test_empty_article_renders_empty(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<p> </p>");
    article none = {.roots = NULL, .count = 0};
    char *text = render_text(&p.doc, &none);
    assert_string_equal(text, "");
    free(text);
    expect_render(render_markdown, &p, "");
    expect_render(render_html, &p, "<article>\n</article>");
    page_free(&p);
}

/* ---- hostile shapes ------------------------------------------------------- */

enum { DEEP = 100000 };

/* DEEP nested elements of TAG from the parser, which keeps 512 levels. */
static void render_deeply_nested(const char *open, const char *close) {
    size_t ol = strlen(open), cl = strlen(close), len = DEEP * (ol + cl) + 16;
    char *html = malloc(len);
    assert_non_null(html);
    char *w = html;
    for (int i = 0; i < DEEP; i++, w += ol)
        memcpy(w, open, ol);
    memcpy(w, "deep", 4);
    w += 4;
    for (int i = 0; i < DEEP; i++, w += cl)
        memcpy(w, close, cl);
    page p;
    memset(&p, 0, sizeof p);
    assert_int_equal(parse_html(html, (size_t)(w - html), 512, &p.doc), LEDE_OK);
    free(html);
    p.root = p.doc.root;
    p.art.roots = &p.root;
    p.art.count = 1;
    for (size_t i = 0; i < 3; i++) {
        char *out = all_renderers[i](&p.doc, &p.art);
        assert_non_null(out);
        assert_non_null(strstr(out, "deep"));
        /* Nesting must not multiply the output: prefixes are capped. */
        assert_true(strlen(out) < 64 * 1024);
        free(out);
    }
    page_free(&p);
}

static void test_deep_nesting_renders_without_recursion(void **state) {
    (void)state;
    render_deeply_nested("<div>", "</div>");
    render_deeply_nested("<blockquote>", "</blockquote>");
    render_deeply_nested("<ul><li>", "</li></ul>");
    render_deeply_nested("<em>", "</em>");
}

/* A chain far deeper than the parser would build: renderers must not
 * recurse whatever tree they are given. */
static void test_chain_beyond_parser_limit_renders(void **state) {
    (void)state;
    page p;
    page_parse(&p, "<div>bottom</div>");
    node *top = find_tag(&p.doc, TAG_DIV);
    node *text = top->first_child;
    node *cur = top;
    top->first_child = top->last_child = NULL;
    for (int i = 0; i < DEEP; i++) {
        node *n = arena_alloc(&p.doc.mem, sizeof *n);
        assert_non_null(n);
        n->tag = (uint16_t)(i % 3 == 0 ? TAG_DIV : i % 3 == 1 ? TAG_SPAN : TAG_BLOCKQUOTE);
        n->parent = cur;
        cur->first_child = cur->last_child = n;
        cur = n;
    }
    text->parent = cur;
    cur->first_child = cur->last_child = text;
    p.root = top;
    for (size_t i = 0; i < 3; i++) {
        char *out = all_renderers[i](&p.doc, &p.art);
        assert_non_null(out);
        assert_non_null(strstr(out, "bottom"));
        free(out);
    }
    page_free(&p);
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_text_blocks_are_paragraphs),
        cmocka_unit_test(test_collapsing_matches_the_obvious_one),
        cmocka_unit_test(test_list_items_are_own_paragraphs),
        cmocka_unit_test(test_br_is_newline_inside_paragraph),
        cmocka_unit_test(test_double_br_ends_paragraph),
        cmocka_unit_test(test_text_pre_keeps_whitespace),
        cmocka_unit_test(test_loose_div_text_is_own_paragraph),
        cmocka_unit_test(test_empty_blocks_leave_no_blank_lines),
        cmocka_unit_test(test_text_table_cells_joined_by_pipe),
        cmocka_unit_test(test_text_images_produce_nothing),
        cmocka_unit_test(test_text_blockquote_and_definitions),
        cmocka_unit_test(test_markdown_headings_and_paragraphs),
        cmocka_unit_test(test_markdown_fence_language_from_highlighters),
        cmocka_unit_test(test_markdown_nested_inline_emphasis_and_links),
        cmocka_unit_test(test_markdown_javascript_link_keeps_text),
        cmocka_unit_test(test_markdown_empty_marks_write_nothing),
        cmocka_unit_test(test_markdown_emphasis_is_reopened_across_paragraphs),
        cmocka_unit_test(test_markdown_keeps_text_where_syntax_would_misparse),
        cmocka_unit_test(test_markdown_nested_list_is_indented),
        cmocka_unit_test(test_markdown_ordered_list_counts_from_start),
        cmocka_unit_test(test_markdown_blockquote_keeps_paragraphs),
        cmocka_unit_test(test_markdown_pipe_table_has_header_row),
        cmocka_unit_test(test_markdown_layout_table_is_paragraphs),
        cmocka_unit_test(test_markdown_table_rows_may_be_implied),
        cmocka_unit_test(test_markdown_table_cell_blocks_are_one_line),
        cmocka_unit_test(test_markdown_table_rows_are_padded_and_spans_kept),
        cmocka_unit_test(test_markdown_table_with_blocks_is_paragraphs),
        cmocka_unit_test(test_markdown_math_is_tex),
        cmocka_unit_test(test_markdown_long_tex_script_survives_the_cut),
        cmocka_unit_test(test_markdown_footnotes_go_to_the_end),
        cmocka_unit_test(test_markdown_note_may_be_an_article_root),
        cmocka_unit_test(test_markdown_note_outside_the_article_is_kept),
        cmocka_unit_test(test_markdown_heading_of_removed_section_goes),
        cmocka_unit_test(test_markdown_heading_permalinks_and_actions_go),
        cmocka_unit_test(test_markdown_callout_is_a_quote),
        cmocka_unit_test(test_markdown_pre_is_fenced),
        cmocka_unit_test(test_markdown_code_standing_alone_is_fenced),
        cmocka_unit_test(test_markdown_text_with_a_language_is_fenced),
        cmocka_unit_test(test_markdown_adjacent_code_blocks_are_one_listing),
        cmocka_unit_test(test_markdown_numbered_line_table_is_fenced),
        cmocka_unit_test(test_markdown_fence_outgrows_backticks_inside),
        cmocka_unit_test(test_markdown_escapes_block_starts),
        cmocka_unit_test(test_markdown_escapes_inline_syntax),
        cmocka_unit_test(test_markdown_image_and_rule),
        cmocka_unit_test(test_html_keeps_href_drops_other_attributes),
        cmocka_unit_test(test_html_unwraps_div_and_span),
        cmocka_unit_test(test_html_escapes_text_and_attributes),
        cmocka_unit_test(test_html_drops_javascript_href),
        cmocka_unit_test(test_html_lists_tables_and_voids),
        cmocka_unit_test(test_html_code_blocks_as_markdown_fences_them),
        cmocka_unit_test(test_html_text_with_a_language_is_code),
        cmocka_unit_test(test_html_adjacent_code_blocks_are_one_pre),
        cmocka_unit_test(test_html_numbered_line_table_is_code),
        cmocka_unit_test(test_html_block_inside_inline_is_unwrapped),
        cmocka_unit_test(test_html_empty_blocks_write_nothing),
        cmocka_unit_test(test_removed_node_is_skipped),
        cmocka_unit_test(test_hidden_node_is_skipped),
        cmocka_unit_test(test_script_text_never_appears),
        cmocka_unit_test(test_roots_render_in_order),
        cmocka_unit_test(test_empty_article_renders_empty),
        cmocka_unit_test(test_links_resolve_against_base),
        cmocka_unit_test(test_deep_nesting_renders_without_recursion),
        cmocka_unit_test(test_chain_beyond_parser_limit_renders),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
