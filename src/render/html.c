/* STUB */
#include "render.h"
char *render_html(const document *doc, const article *art) { return render_text(doc, art); }
