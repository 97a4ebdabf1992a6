namespace CoRM.Domain;

/// <summary>A rule of the domain was broken; the message is written for the user who tried.</summary>
public sealed class DomainException(string message) : Exception(message);
