using OpenHealthLive.Core.Questions;

namespace OpenHealthLive.Core.Tests.Questions;

/// <summary>
/// What the presenter is told about a held question, and what the room would see in its place: each kind of
/// identifier has its own words, and never the identifier in full.
/// </summary>
public sealed class GuardReasonTests
{
    [Theory]
    [InlineData("Patient 1234567 had a similar scan", "a 7-digit identifier-like number (ending …567)")]
    [InlineData("Patient 12345678 had a similar scan", "an 8-digit identifier-like number (ending …678)")]
    [InlineData("Patient 123456789 had a similar scan", "a 9-digit identifier-like number (ending …789)")]
    [InlineData("Patient 12345678901 had a similar scan", "an 11-digit identifier-like number (ending …901)")]
    [InlineData("Patient 123456789012345678 had a similar scan", "an 18-digit identifier-like number (ending …678)")]
    [InlineData("Reference 943 476 5918 on the form", "a 10-digit number grouped like an NHS number, with a wrong check digit (ending …918)")]
    public void A_number_that_looks_like_an_identifier_is_described_by_its_length(string question, string reason)
    {
        Assert.Equal(reason, Guard.Finding(Guard.Default, question, GuardRules.HospitalNumber).Reason);
    }

    [Theory]
    [InlineData("Call +44 7700 900123 tonight", "a UK mobile number (ending …123)")]
    [InlineData("Call +44 20 7946 0958 tonight", "a UK phone number (ending …958)")]
    [InlineData("Call 0044 20 7946 0958 tonight", "a UK phone number (ending …958)")]
    [InlineData("Call +33 1 23 45 67 89 tonight", "an international phone number (ending …789)")]
    [InlineData("Call +44 7700 9001 tonight", "an international phone number (ending …001)")] // too short for the UK
    [InlineData("Call +44 7700 9001234 5 tonight", "an international phone number (ending …345)")] // too long for the UK
    [InlineData("Call 020 7946 0958 tonight", "a UK phone number (ending …958)")]
    [InlineData("Call 07700 900123 tonight", "a UK mobile number (ending …123)")]
    public void A_phone_number_is_described_as_mobile_landline_or_international(string question, string reason)
    {
        Assert.Equal(reason, Guard.Finding(Guard.Default, question, GuardRules.Phone).Reason);
    }

    [Theory]
    [InlineData("Seen April 3, 1961 in clinic", "Seen [date …1961] in clinic")]
    [InlineData("RJ1 123456 is the trust reference", "[hospital number ending …456] is the trust reference")]
    [InlineData("Patient 1234567 had a similar scan", "Patient [hospital number ending …567] had a similar scan")]
    [InlineData("Reference 943 476 5918 on the form", "Reference [hospital number ending …918] on the form")]
    [InlineData("Call +44 7700 900123 tonight", "Call [phone number ending …123] tonight")]
    public void Each_kind_of_identifier_is_replaced_by_its_own_mask(string typed, string masked)
    {
        Assert.Equal(masked, Guard.Default.Mask(typed).Text);
    }
}
