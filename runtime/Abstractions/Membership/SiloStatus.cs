namespace OrderEngine.Runtime.Membership;

/// <summary>
/// Where a silo is in its life, as recorded in the membership table. A silo moves forward only:
/// <see cref="Joining"/> → <see cref="Active"/> → <see cref="ShuttingDown"/> → <see cref="Dead"/>
/// (a crashed silo goes straight to <see cref="Dead"/> when the others vote it out).
/// </summary>
public enum SiloStatus
{
    /// <summary>No status: never stored by a silo.</summary>
    None = 0,

    /// <summary>Started and registered, not yet serving grains.</summary>
    Joining = 1,

    /// <summary>Serving: part of the placement ring.</summary>
    Active = 2,

    /// <summary>Leaving in an orderly way: drains its activations, takes no new ones.</summary>
    ShuttingDown = 3,

    /// <summary>Gone for good. A silo that reads itself dead stops serving and exits.</summary>
    Dead = 4,
}
