/*
 * test_url.c — RFC 3986 reference resolution on the RFC's own examples
 * (§5.4.1 normal, §5.4.2 abnormal), and what its callers rely on.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "url.h"

/* The base URI of RFC 3986 §5.4. */
static const char rfc_base[] = "http://a/b/c/d;p?q";

static const struct {
    const char *ref, *want;
} rfc_examples[] = {
    /* §5.4.1 normal examples */
    {"g:h", "g:h"},
    {"g", "http://a/b/c/g"},
    {"./g", "http://a/b/c/g"},
    {"g/", "http://a/b/c/g/"},
    {"/g", "http://a/g"},
    {"//g", "http://g"},
    {"?y", "http://a/b/c/d;p?y"},
    {"g?y", "http://a/b/c/g?y"},
    {"#s", "http://a/b/c/d;p?q#s"},
    {"g#s", "http://a/b/c/g#s"},
    {"g?y#s", "http://a/b/c/g?y#s"},
    {";x", "http://a/b/c/;x"},
    {"g;x", "http://a/b/c/g;x"},
    {"g;x?y#s", "http://a/b/c/g;x?y#s"},
    {"", "http://a/b/c/d;p?q"},
    {".", "http://a/b/c/"},
    {"./", "http://a/b/c/"},
    {"..", "http://a/b/"},
    {"../", "http://a/b/"},
    {"../g", "http://a/b/g"},
    {"../..", "http://a/"},
    {"../../", "http://a/"},
    {"../../g", "http://a/g"},
    /* §5.4.2 abnormal examples */
    {"../../../g", "http://a/g"},
    {"../../../../g", "http://a/g"},
    {"/./g", "http://a/g"},
    {"/../g", "http://a/g"},
    {"g.", "http://a/b/c/g."},
    {".g", "http://a/b/c/.g"},
    {"g..", "http://a/b/c/g.."},
    {"..g", "http://a/b/c/..g"},
    {"./../g", "http://a/b/g"},
    {"./g/.", "http://a/b/c/g/"},
    {"g/./h", "http://a/b/c/g/h"},
    {"g/../h", "http://a/b/c/h"},
    {"g;x=1/./y", "http://a/b/c/g;x=1/y"},
    {"g;x=1/../y", "http://a/b/c/y"},
    {"g?y/./x", "http://a/b/c/g?y/./x"},
    {"g?y/../x", "http://a/b/c/g?y/../x"},
    {"g#s/./x", "http://a/b/c/g#s/./x"},
    {"g#s/../x", "http://a/b/c/g#s/../x"},
    {"http:g", "http:g"}, /* the strict parser's answer */
};

static void expect_resolved(const char *base, const char *ref, const char *want) {
    buf out;
    buf_init(&out);
    assert_true(url_resolve_into(&out, base, ref, strlen(ref)));
    assert_false(out.failed);
    if (strcmp(out.data ? out.data : "", want) != 0)
        fail_msg("%s against %s: got \"%s\", want \"%s\"", ref, base, out.data, want);
    buf_free(&out);
}

static void test_rfc3986_examples(void **state) {
    (void)state;
    for (size_t i = 0; i < sizeof rfc_examples / sizeof rfc_examples[0]; i++)
        expect_resolved(rfc_base, rfc_examples[i].ref, rfc_examples[i].want);
}

/* A base without a path gets one ("http://h" + "x" is "http://h/x"), and
 * only LEN bytes of the reference are read. */
static void test_base_without_path_and_length(void **state) {
    (void)state;
    expect_resolved("https://example.com", "img/a.png", "https://example.com/img/a.png");
    expect_resolved("https://example.com?x", "a", "https://example.com/a");
    buf out;
    buf_init(&out);
    assert_true(url_resolve_into(&out, "https://h/d/", "page  trailing", 4));
    assert_string_equal(out.data, "https://h/d/page");
    buf_free(&out);
}

/* No base, or one that is not absolute, resolves nothing. */
static void test_relative_base_refused(void **state) {
    (void)state;
    buf out;
    buf_init(&out);
    assert_false(url_resolve_into(&out, NULL, "g", 1));
    assert_false(url_resolve_into(&out, "/b/c", "g", 1));
    assert_false(url_resolve_into(&out, "1http://a/", "g", 1));
    assert_int_equal(out.len, 0);
    buf_free(&out);
    assert_true(url_has_scheme("mailto:x", 8));
    assert_false(url_has_scheme("a b:c", 5));
    assert_false(url_has_scheme("page.html", 9));
    assert_false(url_has_scheme("http", 4)); /* the colon lies past LEN */
}

int main(void) {
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_rfc3986_examples),
        cmocka_unit_test(test_base_without_path_and_length),
        cmocka_unit_test(test_relative_base_refused),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
