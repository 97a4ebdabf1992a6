using System.ComponentModel.DataAnnotations;

namespace CoRM.Portal.Observability;

/// <summary>
/// What each user's circuit may hold on the server ("Circuits" in configuration), set deliberately rather than left to
/// the framework's defaults: a circuit is server memory for as long as it lives.
/// </summary>
public sealed class CircuitSettings
{
    public const string Section = "Circuits";

    /// <summary>How long a disconnected circuit is kept for its user to reconnect to (a dropped network, a sleeping laptop).</summary>
    [Range(0, 60)]
    public int DisconnectedRetentionMinutes { get; set; } = 3;

    /// <summary>At most this many disconnected circuits are kept; the oldest go first.</summary>
    [Range(0, 100_000)]
    public int DisconnectedMaxRetained { get; set; } = 100;

    /// <summary>A call into the browser that has not answered in this time fails instead of holding the circuit.</summary>
    [Range(1, 600)]
    public int JsInteropTimeoutSeconds { get; set; } = 30;

    /// <summary>Render batches sent but not acknowledged by a slow browser before the server waits for it.</summary>
    [Range(1, 100)]
    public int MaxBufferedRenderBatches { get; set; } = 10;
}
