using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;
using TrustChain.Network.Framing;

namespace TrustChain.Network.Tests;

public class FrameCipherTests
{
    private static readonly byte[] Key = SHA256.HashData("frame test key"u8);

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(1000)]
    [TestCase(70_000)]
    public void SealedFrames_OpenInOrder_AcrossSegmentBoundaries(int payloadLength)
    {
        using FrameEncryptor encryptor = new(Key, 100_000);
        using FrameDecryptor decryptor = new(Key, 100_000);
        byte[] payload = new byte[payloadLength];
        new Random(payloadLength).NextBytes(payload);
        byte[] first = encryptor.SealFrame(3, 9, payload);
        byte[] second = encryptor.SealFrame(4, 1, [0xAB]);
        Assert.That(first, Has.Length.EqualTo(FrameFormat.WireLength(payloadLength)));

        ReadOnlySequence<byte> buffer = Split([.. first, .. second], first.Length / 2 + 1);
        Assert.That(decryptor.TryReadFrame(ref buffer, out Frame a), Is.True);
        Assert.That(decryptor.TryReadFrame(ref buffer, out Frame b), Is.True);
        Assert.That(decryptor.TryReadFrame(ref buffer, out _), Is.False);
        Assert.That((a.Channel, a.MessageType, a.Payload.ToArray()), Is.EqualTo(((byte)3, (byte)9, payload)));
        Assert.That((b.Channel, b.MessageType, b.Payload.ToArray()), Is.EqualTo(((byte)4, (byte)1, new byte[] { 0xAB })));
        Assert.That(decryptor.NextCounter, Is.EqualTo(2UL));
    }

    [Test]
    public void Ciphertext_DoesNotContainPlaintext()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        byte[] payload = "a very recognisable plaintext payload"u8.ToArray();
        byte[] frame = encryptor.SealFrame(1, 1, payload);
        Assert.That(frame.AsSpan().IndexOf(payload.AsSpan(0, 16)), Is.EqualTo(-1));
    }

    [Test]
    public void PartialFrame_WaitsForMoreBytes()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(Key, 1024);
        byte[] frame = encryptor.SealFrame(1, 2, new byte[100]);
        ReadOnlySequence<byte> buffer = new(frame.AsMemory(0, frame.Length - 1));
        Assert.That(decryptor.TryReadFrame(ref buffer, out _), Is.False);
        Assert.That(buffer.Length, Is.EqualTo(frame.Length - 1), "nothing consumed");
    }

    [TestCase(1024, 1024 + 19)]
    [TestCase(1024, int.MaxValue)]
    [TestCase(4 * 1024 * 1024, uint.MaxValue)]
    public void OversizeLengthPrefix_RejectedFromThePrefixAlone(int cap, long announced)
    {
        using FrameDecryptor decryptor = new(Key, cap);
        byte[] prefix = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(prefix, (uint)announced);
        ReadOnlySequence<byte> buffer = new(prefix);
        long before = GC.GetAllocatedBytesForCurrentThread();
        FrameException? ex = Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.That(ex!.Reason, Is.EqualTo(DisconnectReason.FrameTooLarge));
        Assert.That(allocated, Is.LessThan(16 * 1024), "the body buffer must not be allocated");
    }

    [Test]
    public void LargestAllowedFrame_IsAccepted()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(Key, 1024);
        ReadOnlySequence<byte> buffer = new(encryptor.SealFrame(1, 1, new byte[1024]));
        Assert.That(decryptor.TryReadFrame(ref buffer, out Frame frame), Is.True);
        Assert.That(frame.Payload.Length, Is.EqualTo(1024));
        Assert.Throws<ArgumentException>(() => encryptor.SealFrame(1, 1, new byte[1025]));
    }

    [TestCase(0u)]
    [TestCase(17u)]
    public void UndersizeLengthPrefix_IsMalformed(uint announced)
    {
        using FrameDecryptor decryptor = new(Key, 1024);
        byte[] frame = new byte[4 + 64];
        BinaryPrimitives.WriteUInt32BigEndian(frame, announced);
        ReadOnlySequence<byte> buffer = new(frame);
        Assert.That(Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _))!.Reason, Is.EqualTo(DisconnectReason.MalformedFrame));
    }

    [TestCase(3, 0x02)] // length prefix (the associated data): 50 -> 48
    [TestCase(4, 0x01)] // channel byte
    [TestCase(10, 0x80)] // payload
    [TestCase(-1, 0x01)] // tag
    public void TamperedByte_FailsAuthentication(int offset, int mask)
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(Key, 1024);
        byte[] frame = encryptor.SealFrame(1, 1, new byte[32]);
        int index = offset >= 0 ? offset : frame.Length + offset;
        frame[index] ^= (byte)mask;
        ReadOnlySequence<byte> buffer = new(frame);
        Assert.That(Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _))!.Reason, Is.EqualTo(DisconnectReason.DecryptionFailed));
    }

    [Test]
    public void ReplayedFrame_IsRejected()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(Key, 1024);
        byte[] frame = encryptor.SealFrame(1, 1, [1, 2, 3]);
        ReadOnlySequence<byte> buffer = new([.. frame, .. frame]);
        Assert.That(decryptor.TryReadFrame(ref buffer, out _), Is.True);
        Assert.That(Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _))!.Reason, Is.EqualTo(DisconnectReason.DecryptionFailed));
    }

    [Test]
    public void ReorderedFrames_AreRejected()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(Key, 1024);
        byte[] first = encryptor.SealFrame(1, 1, [1]);
        byte[] second = encryptor.SealFrame(1, 1, [2]);
        ReadOnlySequence<byte> buffer = new([.. second, .. first]);
        Assert.That(Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _))!.Reason, Is.EqualTo(DisconnectReason.DecryptionFailed));
        Assert.That(decryptor.NextCounter, Is.EqualTo(0UL), "a failed frame does not advance the counter");
    }

    [Test]
    public void WrongDirectionKey_CannotOpen()
    {
        using FrameEncryptor encryptor = new(Key, 1024);
        using FrameDecryptor decryptor = new(SHA256.HashData(Key), 1024);
        ReadOnlySequence<byte> buffer = new(encryptor.SealFrame(1, 1, [1]));
        Assert.Throws<FrameException>(() => decryptor.TryReadFrame(ref buffer, out _));
    }

    private static ReadOnlySequence<byte> Split(byte[] bytes, int at)
    {
        Segment head = new(bytes.AsMemory(0, at), 0);
        Segment tail = head.Append(bytes.AsMemory(at));
        return new ReadOnlySequence<byte>(head, 0, tail, tail.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            Segment next = new(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
