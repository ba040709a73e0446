package org.openvto.storage.internal;

import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * How one kind of record sits in its table: every record table has {@code id}, {@code at} (epoch millis) and a
 * {@code room} column, plus the columns a {@link org.openvto.records.RecordFilter}'s type and result name.
 * Only fixed identifiers here, never input.
 *
 * @param table        the table
 * @param typeColumn   what {@code RecordFilter.type} matches exactly
 * @param resultColumn what {@code RecordFilter.result} matches exactly
 * @param insert       the {@code INSERT} of one record, its values bound by {@code bind}
 * @param prunable     an SQL condition on the rows retention may delete ({@code TRUE}: all)
 */
record RecordTable<R>(
        String table,
        String typeColumn,
        String resultColumn,
        String insert,
        BiConsumer<Update, R> bind,
        RowMapper<R> mapper,
        Function<R, Instant> at,
        ToLongFunction<R> id,
        BiFunction<R, Long, R> withId,
        String prunable) {}
