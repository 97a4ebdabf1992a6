using System.Diagnostics.Metrics;

namespace CoRM.Infrastructure.Observability;

/// <summary>
/// CoRM's own instruments, on the meter "CoRM" (made by the host's meter factory, so each host — and each test host —
/// has its own): how long each background job takes and how it ended, and the outbox backlog. Circuits, requests and
/// UI events are measured by ASP.NET Core's own meters; the portal exports all of them together (see Telemetry).
/// </summary>
public sealed class CormMetrics
{
    public const string MeterName = "CoRM";

    private readonly Histogram<double> jobDuration;
    private OutboxBacklog backlog = OutboxBacklog.Unknown;

    public CormMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        jobDuration = meter.CreateHistogram<double>("corm.job.duration", unit: "s",
            description: "How long a background job ran, by job and outcome (succeeded or failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.05, 0.25, 1, 5, 15, 60, 300, 900, 3600] });
        // Observed from the last sample (OutboxBacklogSampler): a metrics export never waits on the database.
        meter.CreateObservableGauge("corm.outbox.ready", () => Sampled(backlog.Ready), unit: "{message}",
            description: "Messages waiting to be sent.");
        meter.CreateObservableGauge("corm.outbox.failed", () => Sampled(backlog.Failed), unit: "{message}",
            description: "Messages that failed for good and wait for someone to look.");
        meter.CreateObservableGauge("corm.outbox.oldest_ready_age", () => Sampled(backlog.OldestReadySeconds), unit: "s",
            description: "How long the oldest waiting message has waited.");
    }

    public OutboxBacklog Backlog => backlog;

    public void RecordJob(string job, TimeSpan duration, bool succeeded) =>
        jobDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("job", job), new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void RecordBacklog(OutboxBacklog sample) => backlog = sample;

    // Nothing is reported before the first sample, rather than a zero that would read as "empty".
    private IEnumerable<Measurement<T>> Sampled<T>(T value) where T : struct =>
        ReferenceEquals(backlog, OutboxBacklog.Unknown) ? [] : [new Measurement<T>(value)];
}

/// <summary>The outbox at one moment: counts only, nothing about anyone.</summary>
public sealed record OutboxBacklog(int Ready, int Failed, double OldestReadySeconds, DateTime SampledAt)
{
    public static readonly OutboxBacklog Unknown = new(0, 0, 0, DateTime.MinValue);
}
