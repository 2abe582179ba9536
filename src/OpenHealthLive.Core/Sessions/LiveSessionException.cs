namespace OpenHealthLive.Core.Sessions;

/// <summary>A request about a session that cannot be carried out; the message is meant for the person who asked.</summary>
public sealed class LiveSessionException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LiveSessionException(string message) : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiveSessionException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public LiveSessionException(string message, Exception innerException) : base(message, innerException)
    {
    }
}
