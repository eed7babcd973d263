#include "clean.h"
void clean_document(document *doc) { (void)doc; }
