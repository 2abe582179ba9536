namespace OpenHealthLive.Core.Questions;

/// <summary>The NHS number check digit (Modulus 11, weights 10 to 2).</summary>
internal static class NhsNumber
{
    /// <summary>True when <paramref name="digits"/> is ten ASCII digits whose last is the Modulus 11 check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> digits)
    {
        if (digits.Length != 10 || digits.ContainsAnyExceptInRange('0', '9'))
        {
            return false;
        }

        // A repeated digit (0000000000, 1111111111) passes the arithmetic but is never issued; it is a placeholder.
        if (!digits.ContainsAnyExcept(digits[0]))
        {
            return false;
        }

        var sum = 0;
        for (var i = 0; i < 9; i++)
        {
            sum += (digits[i] - '0') * (10 - i);
        }

        var check = 11 - (sum % 11);
        if (check == 11)
        {
            check = 0;
        }

        return check != 10 && digits[9] - '0' == check;
    }
}
