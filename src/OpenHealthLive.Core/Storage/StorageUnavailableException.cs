namespace OpenHealthLive.Core.Storage;

/// <summary>The database could not take a write; the message is meant for the person who posted.</summary>
public sealed class StorageUnavailableException : Exception
{
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
