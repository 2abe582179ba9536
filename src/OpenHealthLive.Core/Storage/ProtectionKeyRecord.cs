namespace OpenHealthLive.Core.Storage;

/// <summary>
/// A data-protection key (as the XML ASP.NET writes), kept in the database so that every node of a cluster
/// signs and reads cookies with the same keys, and a restart keeps sign-ins and device cookies valid.
/// </summary>
public sealed class ProtectionKeyRecord
{
    /// <summary>Primary key.</summary>
    public int Id { get; set; }

    /// <summary>The key's name, as ASP.NET gives it.</summary>
    public string? FriendlyName { get; set; }

    /// <summary>The key's XML.</summary>
    public required string Xml { get; set; }
}
