#include "score.h"
void score_document(document *doc) { (void)doc; }
