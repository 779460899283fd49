namespace SocialBot.Azure.Language;

internal sealed record TextDocument(string Id, string Language, string Text);
