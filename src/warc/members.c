/*
 * warc/members.c — the gzip members of a .warc.gz: opening the next one,
 * and after damage finding the next good one.
 *
 * A member is the unit of recovery. After a damaged member the reader
 * drains it when it still inflates to its end, else looks for the next gzip
 * magic after its start whose member inflates to "WARC/1.", so that a magic
 * inside compressed data does not start a phantom record.
 */
#include <stdio.h>
#include <string.h>

#include "warc/internal.h"

/* Start inflating the member at the raw position. */
static void member_begin(warc_reader *r) {
    r->member_offset = r->raw_offset + r->raw_pos;
    inflateReset(&r->z);
    r->segment = SEGMENT_OPEN;
    r->member_open = true;
    r->win_pos = r->win_len = 0;
}

/* After damage: find the next gzip magic from resync_from on whose member
 * starts with "WARC/1." and open it; false at the end of the file. */
static bool member_resync(warc_reader *r) {
    uint64_t from = r->resync_from;
    for (;;) {
        raw_seek_back(r, from);
        for (;;) {
            unsigned char *at = NULL;
            for (size_t i = r->raw_pos; i + 3 <= r->raw_len; i++)
                if (r->raw[i] == 0x1f && r->raw[i + 1] == 0x8b && r->raw[i + 2] == 0x08) {
                    at = r->raw + i;
                    break;
                }
            if (at) {
                r->raw_pos = (size_t)(at - r->raw);
                break;
            }
            if (r->raw_len - r->raw_pos > 2)
                r->raw_pos = r->raw_len - 2;
            if (!raw_refill(r))
                return false;
        }
        uint64_t candidate = r->raw_offset + r->raw_pos;
        member_begin(r);
        if (win_fill(r, WARC_MAGIC_LEN) && memcmp(r->win, WARC_MAGIC, WARC_MAGIC_LEN) == 0) {
            r->resync = false;
            return true;
        }
        r->member_open = false;
        from = candidate + 1;
    }
}

/* Open the next member: the one right after the last, or after damage the
 * next good one. WARC_DAMAGED when bytes that are no member stand between. */
warc_outcome member_next(warc_reader *r, warc_page *page) {
    if (r->resync)
        return member_resync(r) ? WARC_PAGE : WARC_END;
    if (r->raw_len - r->raw_pos < 2)
        raw_refill(r);
    if (r->raw_pos == r->raw_len) {
        if (r->raw_errno) {
            page->offset = r->raw_offset + r->raw_pos;
            snprintf(page->message, sizeof page->message, "cannot read file: %s",
                     strerror(r->raw_errno));
            r->raw_errno = 0;
            return WARC_DAMAGED;
        }
        return WARC_END;
    }
    if (r->raw_len - r->raw_pos < 2 || r->raw[r->raw_pos] != 0x1f ||
        r->raw[r->raw_pos + 1] != 0x8b) {
        page->offset = r->raw_offset + r->raw_pos;
        snprintf(page->message, sizeof page->message, "bytes that are no gzip member");
        r->resync = true;
        r->resync_from = page->offset + 1;
        return WARC_DAMAGED;
    }
    member_begin(r);
    return WARC_PAGE;
}

/* The member is damaged: drain what is left of it if it inflates to its
 * end, else look for the next one from just after its start. */
void member_abandon(warc_reader *r) {
    win_drop(r);
    while (r->segment == SEGMENT_OPEN && win_skip(r, r->win_cap))
        ;
    if (r->segment == SEGMENT_FAILED) {
        r->resync = true;
        r->resync_from = r->member_offset + 1;
    }
    r->member_open = false;
}
