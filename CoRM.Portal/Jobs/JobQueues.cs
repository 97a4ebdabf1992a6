namespace CoRM.Portal.Jobs;

/// <summary>Hangfire queues: scheduled work on the default queue, work a person is waiting for on its own.</summary>
internal static class JobQueues
{
    public const string Default = "default";
    public const string Interactive = "interactive";
}
