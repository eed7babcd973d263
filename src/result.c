/*
 * result.c — reading a lede_result: the getters of include/lede.h.
 *
 * A field is a number (lede_field) rather than a structure member, so the
 * getters go through one table that maps each field to where result.h
 * keeps its string, its list and its source. The table and the enum are
 * in the same order, which a static assertion on its length and the
 * ABI test (getters against `lede --format json`) hold in step.
 */
#include "result.h"

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* NONE marks a view a field does not have. */
#define NONE SIZE_MAX

typedef struct field_layout {
    const char *name;     /* the key in `lede --format json` */
    size_t string;        /* offsetof the char * member, or NONE */
    size_t list, count;   /* offsetof the char ** member and its count, or NONE */
    size_t source;        /* offsetof the member of result_sources, or NONE */
} field_layout;

#define STRING(member) offsetof(struct lede_result, member)
#define SOURCE(member) offsetof(result_sources, member)

static const field_layout fields[] = {
    [LEDE_FIELD_BODY] = {"body", STRING(body), NONE, NONE, NONE},
    [LEDE_FIELD_TEXT] = {"text", STRING(text), NONE, NONE, NONE},
    [LEDE_FIELD_TITLE] = {"title", STRING(title), NONE, NONE, SOURCE(title)},
    [LEDE_FIELD_AUTHOR] = {"author", STRING(author), STRING(authors), STRING(author_count),
                           SOURCE(author)},
    [LEDE_FIELD_DATE] = {"date", STRING(date), NONE, NONE, SOURCE(date)},
    [LEDE_FIELD_MODIFIED] = {"modified", STRING(modified), NONE, NONE, SOURCE(modified)},
    [LEDE_FIELD_SITENAME] = {"sitename", STRING(sitename), NONE, NONE, SOURCE(sitename)},
    [LEDE_FIELD_DESCRIPTION] = {"description", STRING(description), NONE, NONE,
                                SOURCE(description)},
    [LEDE_FIELD_LANGUAGE] = {"language", STRING(language), NONE, NONE, SOURCE(language)},
    [LEDE_FIELD_URL] = {"url", STRING(url), NONE, NONE, SOURCE(url)},
    [LEDE_FIELD_IMAGE] = {"image", STRING(image), NONE, NONE, SOURCE(image)},
    [LEDE_FIELD_SECTION] = {"section", STRING(section), NONE, NONE, SOURCE(section)},
    [LEDE_FIELD_TAGS] = {"tags", NONE, STRING(tags), STRING(tag_count), SOURCE(tags)},
    [LEDE_FIELD_TYPE] = {"type", STRING(type), NONE, NONE, SOURCE(type)},
    [LEDE_FIELD_COMMENTS] = {"comments", STRING(comments), NONE, NONE, NONE},
};

_Static_assert(sizeof fields / sizeof fields[0] == LEDE_FIELD_COUNT,
               "every lede_field has a row in fields[]");

static const field_layout *layout(lede_field field) {
    return (unsigned)field < LEDE_FIELD_COUNT ? &fields[field] : NULL;
}

const char *lede_field_name(lede_field field) {
    const field_layout *f = layout(field);
    return f ? f->name : NULL;
}

int lede_field_lookup(const char *name) {
    if (!name)
        return -1;
    for (int i = 0; i < LEDE_FIELD_COUNT; i++)
        if (!strcmp(fields[i].name, name))
            return i;
    return -1;
}

const char *lede_result_string(const lede_result *result, lede_field field) {
    const field_layout *f = layout(field);
    if (!result || !f || f->string == NONE)
        return NULL;
    return *(char *const *)((const char *)result + f->string);
}

size_t lede_result_count(const lede_result *result, lede_field field) {
    const field_layout *f = layout(field);
    if (!result || !f || f->count == NONE)
        return 0;
    return *(const size_t *)((const char *)result + f->count);
}

const char *lede_result_item(const lede_result *result, lede_field field, size_t index) {
    if (index >= lede_result_count(result, field))
        return NULL;
    char *const *list = *(char **const *)((const char *)result + fields[field].list);
    return list[index];
}

const char *lede_result_source(const lede_result *result, lede_field field) {
    const field_layout *f = layout(field);
    if (!result || !f || f->source == NONE)
        return NULL;
    return *(const char *const *)((const char *)&result->sources + f->source);
}

double lede_result_confidence(const lede_result *result) {
    return result ? result->confidence : 0.0;
}

unsigned lede_result_truncated(const lede_result *result) {
    return result ? result->truncated : 0;
}

void lede_result_free(lede_result *r) {
    if (!r)
        return;
    char **strings[] = {&r->body, &r->text, &r->title, &r->author, &r->date, &r->sitename,
                        &r->description, &r->language, &r->url, &r->image, &r->section,
                        &r->comments, &r->modified, &r->type};
    for (size_t i = 0; i < sizeof strings / sizeof strings[0]; i++)
        free(*strings[i]);
    for (size_t i = 0; i < r->tag_count; i++)
        free(r->tags[i]);
    free(r->tags);
    for (size_t i = 0; i < r->author_count; i++)
        free(r->authors[i]);
    free(r->authors);
    free(r);
}
