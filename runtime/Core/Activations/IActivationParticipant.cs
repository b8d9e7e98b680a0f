namespace OrderEngine.Runtime.Activations;

/// <summary>Runtime components attached to an activation (persistent states, timers) that take part in its lifecycle.</summary>
internal interface IActivationParticipant
{
    /// <summary>Before OnActivateAsync (persistent states read here).</summary>
    Task OnActivatingAsync(CancellationToken cancellationToken);

    /// <summary>After OnActivateAsync succeeded (outbox recovery publishes here).</summary>
    void OnActivated();

    /// <summary>After OnDeactivateAsync (flush what must be flushed, stop timers).</summary>
    Task OnDeactivatedAsync(CancellationToken cancellationToken);
}
