package org.earlyhelp.shared.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Token buckets for public endpoints, one per limit and client, held in {@code limits.bucket} by
 * Bucket4j's PostgreSQL support (a row locked with {@code SELECT ... FOR UPDATE} while it is
 * counted), so that a limit holds however many instances answer. A bucket's row expires once it
 * has filled up again, and a job removes expired rows.
 */
@Component
public class RequestLimits {

    /**
     * A limit: at most {@code calls} within {@code per}, refilled evenly.
     *
     * @param name what is limited, part of every key
     */
    public record Limit(String name, long calls, Duration per) {

        public Limit {
            if (calls < 1 || per.isNegative() || per.isZero()) {
                throw new IllegalArgumentException("A limit allows at least one call in a positive time");
            }
        }
    }

    /**
     * Whether a call was allowed, and if not how long the client should wait.
     *
     * @param retryAfter zero when allowed
     */
    public record Decision(boolean allowed, Duration retryAfter) {}

    private static final Logger log = LoggerFactory.getLogger(RequestLimits.class);

    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    RequestLimits(DataSource dataSource) {
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("limits.bucket")
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                .build();
    }

    /** Counts one call by the client against the limit, if the limit allows it. */
    public Decision take(Limit limit, String client) {
        Bucket bucket = buckets.builder()
                .build(
                        limit.name() + "|" + client,
                        () -> BucketConfiguration.builder()
                                .addLimit(l -> l.capacity(limit.calls()).refillGreedy(limit.calls(), limit.per()))
                                .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed()
                ? new Decision(true, Duration.ZERO)
                : new Decision(false, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Removes the rows of buckets that have filled up again. Safe on every instance at once. */
    @Scheduled(fixedDelayString = "${earlyhelp.limits.clean-every:PT10M}", initialDelayString = "PT1M")
    public void removeExpired() {
        int removed = 0;
        int batch;
        do {
            batch = buckets.removeExpired(1000);
            removed += batch;
        } while (batch == 1000);
        if (removed > 0) {
            log.debug("Removed {} expired request-limit buckets", removed);
        }
    }
}
