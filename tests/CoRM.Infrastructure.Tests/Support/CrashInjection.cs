using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace CoRM.Infrastructure.Tests.Support;

/// <summary>
/// Stops a piece of work at a chosen step, as a killed process would: every SaveChanges and every transaction commit
/// is a step, and the armed one throws before it reaches the database. A test arms step 1, 2, 3… in turn and looks at
/// what each cut left behind.
/// </summary>
public sealed class CrashInjection
{
    private int steps;
    private int crashAt;

    /// <summary>Registers the interceptors on the institution's database contexts.</summary>
    public void AddTo(IServiceCollection services)
    {
        services.AddSingleton<IInterceptor>(new Saves(this));
        services.AddSingleton<IInterceptor>(new Commits(this));
    }

    /// <summary>The next run crashes at its <paramref name="step"/>th step (1-based); 0 disarms.</summary>
    public void Arm(int step)
    {
        Volatile.Write(ref steps, 0);
        Volatile.Write(ref crashAt, step);
    }

    /// <summary>Whether the armed step was reached (false: the work finished in fewer steps).</summary>
    public bool Crashed { get; private set; }

    private void Step()
    {
        var at = Volatile.Read(ref crashAt);
        if (at == 0) return;
        if (Interlocked.Increment(ref steps) != at) return;
        Crashed = true;
        Volatile.Write(ref crashAt, 0);
        throw new SimulatedCrashException();
    }

    public void Reset() => Crashed = false;

    /// <summary>The simulated crash, or a library's exception wrapping it (data protection wraps its key store's).</summary>
    public static bool IsCrash(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is SimulatedCrashException) return true;
        return false;
    }

    private sealed class Saves(CrashInjection owner) : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            owner.Step();
            return base.SavingChangesAsync(eventData, result, ct);
        }

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            owner.Step();
            return base.SavingChanges(eventData, result);
        }
    }

    private sealed class Commits(CrashInjection owner) : DbTransactionInterceptor
    {
        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
        {
            owner.Step();
            return base.TransactionCommittingAsync(transaction, eventData, result, ct);
        }

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result)
        {
            owner.Step();
            return base.TransactionCommitting(transaction, eventData, result);
        }
    }
}

/// <summary>The process "died" here.</summary>
public sealed class SimulatedCrashException() : Exception("Simulated crash");
