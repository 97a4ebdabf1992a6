namespace CoRM.Domain.Engagement;

/// <summary>The channel an interaction happened on.</summary>
public enum Channel
{
    Email = 0,
    Phone = 1,
    Meeting = 2,
    Letter = 3,
    WebForm = 4,
    Sms = 5,
    Event = 6,
    InPerson = 7,
    /// <summary>Money that arrived through the bank: a transfer, a direct debit, securities.</summary>
    Bank = 8,

    /// <summary>Arrived in a file from another system (a contact import): what the person told that system, e.g. their consent.</summary>
    Import = 9,
}
