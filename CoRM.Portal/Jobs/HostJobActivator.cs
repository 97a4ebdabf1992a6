using Hangfire;

namespace CoRM.Portal.Jobs;

/// <summary>
/// Creates each job in a DI scope of this host. Hangfire's own activator is process-wide (JobActivator.Current is set by
/// the last host configured), so with several hosts in one process — the test hosts — a server could build its jobs
/// from another host's disposed container. Each server gets this one, tied to its own host.
/// </summary>
internal sealed class HostJobActivator(IServiceProvider services) : JobActivator
{
    public override object ActivateJob(Type jobType) => ActivatorUtilities.GetServiceOrCreateInstance(services, jobType);

    public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope());

    private sealed class Scope(AsyncServiceScope scope) : JobActivatorScope
    {
        public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

        public override void DisposeScope() => scope.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}
