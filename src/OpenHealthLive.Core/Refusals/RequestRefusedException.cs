namespace OpenHealthLive.Core.Refusals;

/// <summary>
/// A request the room's rules refuse (a question too long, a closed poll, an ended talk, a stroke off the slide…), from
/// any feature: a <see cref="Code"/> from <see cref="RefusalCodes"/> that says which rule, with its
/// <see cref="Arguments"/> (a limit, a count, seconds), and an English message for API clients, logs and staff pages.
/// A phone words the refusal in its own language from the code, and decides from it whether to send again; the web
/// layer maps refusals by code, never by message.
/// </summary>
/// <remarks>
/// Every constructor takes a code: a refusal without one would reach a phone as <see cref="RefusalCodes.Invalid"/>,
/// which it can neither word nor act on. The standard exception constructors (CA1032) are left out on purpose.
/// </remarks>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1032:Implement standard exception constructors", Justification = "Every refusal names its rule: see remarks.")]
public sealed class RequestRefusedException : Exception
{
    /// <summary>Creates a refusal of code <paramref name="code"/> with its numbers, in the order its sentence uses them.</summary>
    public RequestRefusedException(string code, string message, params int[] arguments) : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Arguments = arguments;
    }

    /// <summary>Which rule refused the request: one of <see cref="RefusalCodes"/>, stable across releases and languages.</summary>
    public string Code { get; }

    /// <summary>The numbers the refusal's sentence names (a limit, a length, seconds to wait), in order.</summary>
    public IReadOnlyList<int> Arguments { get; }
}
