namespace OpenHealthLive.Web.Presenter;

/// <summary>The outcome of <see cref="SignInThrottle.TryAttempt"/>.</summary>
public sealed class SignInAttempt
{
    private SignInAttempt(SignInRefusal refusal, TimeSpan retryAfter, LinkedListNode<DateTimeOffset>? held)
    {
        Refusal = refusal;
        RetryAfter = retryAfter;
        Held = held;
    }

    public SignInRefusal Refusal { get; }

    public bool Allowed => Refusal == SignInRefusal.None;

    /// <summary>How long to wait, when refused; at least one second.</summary>
    public TimeSpan RetryAfter { get; }

    internal LinkedListNode<DateTimeOffset>? Held { get; set; }

    internal static SignInAttempt Allow(LinkedListNode<DateTimeOffset>? held) => new(SignInRefusal.None, TimeSpan.Zero, held);

    internal static SignInAttempt Refuse(SignInRefusal refusal, TimeSpan retryAfter) =>
        new(refusal, retryAfter < TimeSpan.FromSeconds(1) ? TimeSpan.FromSeconds(1) : retryAfter, null);
}
