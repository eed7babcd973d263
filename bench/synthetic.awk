# synthetic.awk — an article-like page of about SIZE bytes, the same every time.
#
#     awk -v size=BYTES -f bench/synthetic.awk > page.html
#
# bench/run measures how lede's time and memory grow with the page, which
# real pages cannot show: they do not come in sizes from 1 KB to 10 MB with
# the same shape. This page has a news page's shape at any size — a <head>
# with metadata, a navigation bar, a headline and byline, paragraphs with
# links and emphasis, subheadings, lists, a related-links box and a footer —
# and the article body grows to fill SIZE. The words come from a fixed list
# through a Park-Miller generator (exact in awk's doubles, unlike srand(),
# whose sequence differs between awk implementations), so every awk writes
# the same bytes.
BEGIN {
    if (size == "") size = 10000
    split("the a of to and in that for on with as by at from after before " \
          "city council water budget report minister market school river " \
          "government people year week said says would could new old first " \
          "last local national public company workers plan vote court data " \
          "energy price rise fall growth study health team season project " \
          "officials residents because while during against between under " \
          "announced reported expected confirmed described suggested", words, " ")
    nwords = 0
    for (k in words) nwords++
    seed = 20240601
    written = 0

    emit("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n" \
         "<title>Council approves the new water plan | Example News</title>\n" \
         "<meta property=\"og:title\" content=\"Council approves the new water plan\">\n" \
         "<meta name=\"author\" content=\"Jane Doe\">\n" \
         "<meta property=\"article:published_time\" content=\"2024-06-01T09:00:00Z\">\n" \
         "</head>\n<body>\n<header class=\"site-header\"><nav class=\"main-nav\"><ul>" \
         "<li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li>" \
         "<li><a href=\"/sport\">Sport</a></li></ul></nav></header>\n" \
         "<main>\n<article>\n<h1>Council approves the new water plan</h1>\n" \
         "<p class=\"byline\">By <a href=\"/authors/jane-doe\">Jane Doe</a></p>\n")
    tail = "</article>\n<aside class=\"related\"><h2>Related</h2><ul>" \
           "<li><a href=\"/news/1\">Budget report</a></li>" \
           "<li><a href=\"/news/2\">River levels</a></li></ul></aside>\n</main>\n" \
           "<footer class=\"site-footer\"><p>&copy; Example News</p></footer>\n" \
           "</body>\n</html>\n"
    paragraph = 0
    while (written + length(tail) < size) {
        paragraph++
        if (paragraph % 6 == 0)
            emit("<h2>" capitalized(sentence(4)) "</h2>\n")
        if (paragraph % 9 == 0) {
            emit("<ul>\n")
            for (i = 0; i < 3; i++) emit("<li>" capitalized(sentence(7)) "</li>\n")
            emit("</ul>\n")
        }
        text = ""
        for (i = 0; i < 3 + next_random() % 3; i++)
            text = text capitalized(sentence(9 + next_random() % 12)) ". "
        link = paragraph % 4 == 0 ? "Read the <a href=\"/news/" paragraph "\">full " \
                                    "<em>report</em></a> for details. " : ""
        # Never overshoot: the last paragraph is plain text cut to fit.
        room = size - written - length(tail) - length("<p></p>\n")
        if (room >= length(text link))
            text = text link
        else
            text = room > 0 ? substr(text, 1, room) : ""
        emit("<p>" text "</p>\n")
    }
    emit(tail)
}

function next_random() {
    seed = (seed * 16807) % 2147483647
    return seed
}

function sentence(n,    s, i) {
    s = words[1 + next_random() % nwords]
    for (i = 1; i < n; i++) s = s " " words[1 + next_random() % nwords]
    return s
}

function capitalized(s) {
    return toupper(substr(s, 1, 1)) substr(s, 2)
}

function emit(s) {
    printf "%s", s
    written += length(s)
}
