namespace OpenHealthLive.Core.Storage;

/// <summary>The database could not take a write; the message is meant for the person who posted.</summary>
public sealed class StorageUnavailableException : Exception
{
    /// <summary>
    /// How every message of this exception starts: clients recognise a write worth retrying (unlike a refusal
    /// such as "too long", which retrying would not fix).
    /// </summary>
    public const string NotSavedYet = "Not saved yet: ";

    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StorageUnavailableException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
