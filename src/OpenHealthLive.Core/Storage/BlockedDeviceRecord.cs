namespace OpenHealthLive.Core.Storage;

/// <summary>
/// A phone a moderator blocked in one session: its questions are hidden and its writes refused. Only the device hash
/// is kept (the same pseudonymous hash a question or vote row holds), never an address; the row goes when the phone
/// is unblocked.
/// </summary>
public sealed class BlockedDeviceRecord
{
    /// <summary>Primary key; the console's handle for "Unblock", so the device hash never leaves the server.</summary>
    public long Id { get; set; }

    /// <summary>The session the block applies to.</summary>
    public required string SessionCode { get; set; }

    /// <summary>Hash of the blocked device's token (as on its questions and votes).</summary>
    public required string DeviceHash { get; set; }

    /// <summary>When it was blocked.</summary>
    public DateTimeOffset BlockedAt { get; set; }
}
