/*
 * limits.h — every bound lede puts on its input, in one place.
 *
 * Pages from the open web can be of any size and shape; these numbers keep
 * time and memory bounded whatever arrives. Each one is a default that a
 * caller may change through lede_options where it says so.
 */
#ifndef LEDE_LIMITS_H
#define LEDE_LIMITS_H

/* Largest input accepted (lede_options.max_input). Real article pages are
 * rarely above 5 MB; 256 MB leaves room for the worst pages of a crawl while
 * keeping one page's tree well inside a worker's memory. */
#define LEDE_MAX_INPUT ((size_t)256 << 20)

/* Deepest element nesting kept (lede_options.max_depth). Real pages nest
 * fewer than 100 levels; deeper elements are attached at this depth so that
 * hostile nesting cannot make any walk or the output deep. */
#define LEDE_MAX_DEPTH 512u

/* Attributes kept per element; later ones are dropped. No real element
 * carries more than a few dozen. */
#define LEDE_MAX_ATTRS 64u

#endif
