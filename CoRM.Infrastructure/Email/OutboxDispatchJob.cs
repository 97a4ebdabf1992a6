using CoRM.Infrastructure.Email;

namespace CoRM.Infrastructure.Email;

/// <summary>Drains the outbox every few minutes, so a message that failed earlier is retried.</summary>
public sealed class OutboxDispatchJob(OutboxDispatcher dispatcher)
{
    public const string RecurringJobId = "outbox-dispatch";

    public Task<int> RunAsync(CancellationToken ct = default) => dispatcher.DispatchPendingAsync(ct);
}
