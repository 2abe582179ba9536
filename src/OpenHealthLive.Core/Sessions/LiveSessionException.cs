namespace OpenHealthLive.Core.Sessions;

/// <summary>
/// A request the room's rules refuse (a question too long, a closed poll, an ended talk…): a <see cref="Code"/> from
/// <see cref="RefusalCodes"/> that says which rule, with its <see cref="Arguments"/> (a limit, a count, seconds), and an
/// English message for API clients, logs and staff pages. A phone words the refusal in its own language from the code.
/// </summary>
public sealed class LiveSessionException : Exception
{
    /// <summary>Creates a refusal of code <paramref name="code"/> with its numbers, in the order its sentence uses them.</summary>
    public LiveSessionException(string code, string message, params int[] arguments) : base(message)
    {
        Code = code;
        Arguments = arguments;
    }

    /// <summary>Creates a refusal without a particular code (<see cref="RefusalCodes.Invalid"/>).</summary>
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

    /// <summary>Which rule refused the request: one of <see cref="RefusalCodes"/>, stable across releases and languages.</summary>
    public string Code { get; } = RefusalCodes.Invalid;

    /// <summary>The numbers the refusal's sentence names (a limit, a length, seconds to wait), in order.</summary>
    public IReadOnlyList<int> Arguments { get; } = [];
}
