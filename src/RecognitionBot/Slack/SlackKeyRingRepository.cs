using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using RecognitionBot.Core.Installations;

namespace RecognitionBot.Slack;

/// <summary>
/// Data Protection's key ring in Table Storage, shared by every instance: a bot token encrypted by one instance
/// (or before a redeploy) must be readable by all. Key XML is stored as ASP.NET writes it; see docs/slack.md for
/// why the ring belongs in a different storage account from the tokens in production.
/// </summary>
public sealed class SlackKeyRingRepository(TableKeyRing ring) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements() => ring.All().Select(XElement.Parse).ToList();

    public void StoreElement(XElement element, string friendlyName) => ring.Add(friendlyName, element.ToString(SaveOptions.DisableFormatting));
}
