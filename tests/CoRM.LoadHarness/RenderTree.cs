using System.Buffers.Binary;
using System.Text;

namespace CoRM.LoadHarness;

/// <summary>
/// What a browser keeps of a Blazor Server page, without a browser: the render batches the circuit sends, applied to a
/// logical tree (elements, text, markup, child components) the way blazor.web.js applies them to the DOM, so the load
/// client can find a button's event handler or a link's address as a person would see them. The batch layout is
/// RenderBatchWriter's: sections of updated components, reference frames, disposed components and disposed event
/// handlers, a string table, and at the end five little-endian offsets to those sections.
/// </summary>
internal sealed class RenderTree
{
    private readonly Dictionary<int, Node> components = [];
    private readonly object gate = new();

    /// <summary>Applies one batch; throws when a batch does not fit the tree (a bug here, or a broken circuit).</summary>
    public void Apply(byte[] batch)
    {
        lock (gate)
        {
            var offsets = new int[5];
            for (var i = 0; i < 5; i++) offsets[i] = Int32(batch, batch.Length - 20 + i * 4);
            var strings = ReadStrings(batch, offsets[4], batch.Length - 20);
            var frames = new Frames(batch, offsets[1] + 4, strings);

            var diffCount = Int32(batch, offsets[0]);
            for (var d = 0; d < diffCount; d++)
            {
                var at = Int32(batch, offsets[0] + 4 + d * 4);
                var componentId = Int32(batch, at);
                var editCount = Int32(batch, at + 4);
                ApplyEdits(ComponentRoot(componentId), batch, at + 8, editCount, frames, strings);
            }
            var disposedCount = Int32(batch, offsets[2]);
            for (var i = 0; i < disposedCount; i++) components.Remove(Int32(batch, offsets[2] + 4 + i * 4));
        }
    }

    /// <summary>The first node (element, text or markup), in document order through every component, that matches.</summary>
    public Node? Find(Func<Node, bool> match)
    {
        lock (gate)
            return components.Values.Select(root => Search(root, match)).FirstOrDefault(found => found is not null);
    }

    /// <summary>Every element that matches, in document order within each component.</summary>
    public IReadOnlyList<Node> FindAll(Func<Node, bool> match, Node? within = null)
    {
        lock (gate)
        {
            var found = new List<Node>();
            foreach (var root in within is null ? components.Values.ToList() : [within]) Collect(root, match, found);
            return found;
        }
    }

    /// <summary>The text a person would read in a node, through child components.</summary>
    public string TextOf(Node node)
    {
        lock (gate)
        {
            var text = new StringBuilder();
            AppendText(node, text);
            return text.ToString();
        }
    }

    private Node? Search(Node node, Func<Node, bool> match)
    {
        foreach (var child in node.Children)
        {
            if (match(child)) return child;
            var found = child.Kind == NodeKind.Element ? Search(child, match) : null;
            if (found is not null) return found;
        }
        return null;
    }

    private static void Collect(Node node, Func<Node, bool> match, List<Node> found)
    {
        foreach (var child in node.Children)
        {
            if (child.Kind != NodeKind.Element) continue;
            if (match(child)) found.Add(child);
            Collect(child, match, found);
        }
    }

    private void AppendText(Node node, StringBuilder text)
    {
        foreach (var child in node.Children)
        {
            switch (child.Kind)
            {
                case NodeKind.Text: text.Append(child.Text); break;
                case NodeKind.Markup: text.Append(System.Text.RegularExpressions.Regex.Replace(child.Text ?? "", "<[^>]*>", "")); break;
                case NodeKind.Element: AppendText(child, text); break;
                case NodeKind.Component when components.TryGetValue(child.ComponentId, out var root): AppendText(root, text); break;
            }
        }
    }

    private Node ComponentRoot(int componentId)
    {
        if (!components.TryGetValue(componentId, out var root))
            components[componentId] = root = new Node(NodeKind.Component) { ComponentId = componentId };
        return root;
    }

    private void ApplyEdits(Node root, byte[] batch, int at, int count, Frames frames, string?[] strings)
    {
        var parent = root;
        var path = new Stack<Node>();
        List<(int From, int To)>? permutation = null;
        for (var e = 0; e < count; e++, at += 16)
        {
            var type = Int32(batch, at);
            var sibling = Int32(batch, at + 4);
            var frameIndex = Int32(batch, at + 8);
            switch (type)
            {
                case 1: // prepend (insert) a frame
                    InsertFrame(parent, sibling, frames, frameIndex);
                    break;
                case 2: // remove
                    parent.Children.RemoveAt(sibling);
                    break;
                case 3: // set attribute
                    parent.Children[sibling].SetAttribute(frames, frameIndex);
                    break;
                case 4: // remove attribute
                    parent.Children[sibling].Attributes.Remove(strings[Int32(batch, at + 12)] ?? "");
                    break;
                case 5: // update text
                case 8: // update markup
                    parent.Children[sibling].Text = frames.String(frameIndex, 4);
                    break;
                case 6: // step in
                    path.Push(parent);
                    parent = parent.Children[sibling];
                    break;
                case 7: // step out
                    parent = path.Pop();
                    break;
                case 9: // permutation entry: sibling moves to frameIndex (the same field)
                    (permutation ??= []).Add((sibling, frameIndex));
                    break;
                case 10: // permutation end
                    var before = parent.Children.ToArray();
                    foreach (var (from, to) in permutation ?? []) parent.Children[to] = before[from];
                    permutation = null;
                    break;
                default:
                    throw new InvalidDataException($"Unknown render tree edit type {type}.");
            }
        }
    }

    /// <summary>Inserts one frame (and its subtree) at a logical position; returns how many logical children it added.</summary>
    private int InsertFrame(Node parent, int index, Frames frames, int frameIndex)
    {
        switch (frames.Type(frameIndex))
        {
            case 1: // element
            {
                var element = new Node(NodeKind.Element) { Name = frames.String(frameIndex, 8) };
                var end = frameIndex + frames.Int(frameIndex, 4);
                var child = frameIndex + 1;
                for (; child < end && frames.Type(child) == 3; child++) element.SetAttribute(frames, child);
                InsertRange(element, 0, frames, child, end);
                parent.Children.Insert(index, element);
                return 1;
            }
            case 2: // text
                parent.Children.Insert(index, new Node(NodeKind.Text) { Text = frames.String(frameIndex, 4) });
                return 1;
            case 8: // markup
                parent.Children.Insert(index, new Node(NodeKind.Markup) { Text = frames.String(frameIndex, 4) });
                return 1;
            case 4: // child component: its content arrives as its own diff
            {
                var id = frames.Int(frameIndex, 8);
                parent.Children.Insert(index, new Node(NodeKind.Component) { ComponentId = id });
                ComponentRoot(id);
                return 1;
            }
            case 5: // region: flattened into the parent
                return InsertRange(parent, index, frames, frameIndex + 1, frameIndex + frames.Int(frameIndex, 4));
            default: // reference captures, named events, render modes: nothing in the document
                return 0;
        }
    }

    private int InsertRange(Node parent, int index, Frames frames, int start, int end)
    {
        var first = index;
        for (var i = start; i < end; i++)
        {
            index += InsertFrame(parent, index, frames, i);
            if (frames.Type(i) is 1 or 4 or 5) i += frames.Int(i, 4) - 1; // skip the subtree just inserted
        }
        return index - first;
    }

    private static string?[] ReadStrings(byte[] batch, int tableStart, int tableEnd)
    {
        var strings = new string?[(tableEnd - tableStart) / 4];
        for (var i = 0; i < strings.Length; i++)
        {
            var at = Int32(batch, tableStart + i * 4);
            int length = 0, shift = 0;
            byte b;
            do { b = batch[at++]; length |= (b & 0x7F) << shift; shift += 7; } while ((b & 0x80) != 0);
            strings[i] = Encoding.UTF8.GetString(batch, at, length);
        }
        return strings;
    }

    private static int Int32(byte[] batch, int at) => BinaryPrimitives.ReadInt32LittleEndian(batch.AsSpan(at));

    /// <summary>The batch's reference frames: 20 bytes each, a type and then fields by type.</summary>
    internal readonly struct Frames(byte[] batch, int start, string?[] strings)
    {
        public int Type(int index) => Int(index, 0);
        public int Int(int index, int offset) => Int32(batch, start + index * 20 + offset);
        public ulong Long(int index, int offset) => BinaryPrimitives.ReadUInt64LittleEndian(batch.AsSpan(start + index * 20 + offset));
        public string? String(int index, int offset) => Int(index, offset) is var s && s >= 0 ? strings[s] : null;
    }
}

internal enum NodeKind { Element, Text, Markup, Component }

internal sealed class Node(NodeKind kind)
{
    public NodeKind Kind { get; } = kind;
    public string? Name { get; init; }
    public string? Text { get; set; }
    public int ComponentId { get; init; }
    public List<Node> Children { get; } = [];
    /// <summary>Attribute values, and for event attributes (onclick, onchange…) the handler's id.</summary>
    public Dictionary<string, (string? Value, ulong Handler)> Attributes { get; } = [];

    public string? this[string attribute] => Attributes.TryGetValue(attribute, out var a) ? a.Value : null;

    public ulong HandlerFor(string eventName) => Attributes.TryGetValue("on" + eventName, out var a) ? a.Handler : 0;

    public bool HasClass(string css) => this["class"]?.Split(' ').Contains(css) == true;

    internal void SetAttribute(RenderTree.Frames frames, int index) =>
        Attributes[frames.String(index, 4) ?? ""] = (frames.String(index, 8), frames.Long(index, 12));
}
