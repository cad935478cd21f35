package io.queuedesk.system;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;

import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * H2's file system with a switch for a full disk, without root or a small partition: a
 * database URL {@code jdbc:h2:fulldisk:/some/dir/db} stores its files on disk as usual,
 * but while {@link #full} is on every write, flush and growth of its files fails with the
 * IOException a full disk gives. Registered with H2 by {@link #register()}.
 */
public class FullDiskFilePath extends FilePathWrapper {

	static volatile boolean full;

	private static final FullDiskFilePath INSTANCE = new FullDiskFilePath();

	static void register() {
		FilePath.register(INSTANCE);
	}

	@Override
	public String getScheme() {
		return "fulldisk";
	}

	@Override
	public FileChannel open(String mode) throws IOException {
		return new FullDiskChannel(getBase().open(mode));
	}

	@Override
	public OutputStream newOutputStream(boolean append) throws IOException {
		checkSpace();
		return super.newOutputStream(append);
	}

	@Override
	public boolean createFile() {
		return !full && super.createFile();
	}

	static void checkSpace() throws IOException {
		if (full) {
			throw new IOException("No space left on device");
		}
	}

	/** The disk's channel, refusing to write while the disk is full. */
	private static final class FullDiskChannel extends FileBase {

		private final FileChannel channel;

		FullDiskChannel(FileChannel channel) {
			this.channel = channel;
		}

		@Override
		public long position() throws IOException {
			return channel.position();
		}

		@Override
		public FileChannel position(long position) throws IOException {
			channel.position(position);
			return this;
		}

		@Override
		public long size() throws IOException {
			return channel.size();
		}

		@Override
		public int read(ByteBuffer destination) throws IOException {
			return channel.read(destination);
		}

		@Override
		public int read(ByteBuffer destination, long position) throws IOException {
			return channel.read(destination, position);
		}

		@Override
		public int write(ByteBuffer source) throws IOException {
			checkSpace();
			return channel.write(source);
		}

		@Override
		public int write(ByteBuffer source, long position) throws IOException {
			checkSpace();
			return channel.write(source, position);
		}

		@Override
		public FileChannel truncate(long size) throws IOException {
			channel.truncate(size);
			return this;
		}

		@Override
		public void force(boolean metaData) throws IOException {
			checkSpace();
			channel.force(metaData);
		}

		@Override
		public FileLock tryLock(long position, long size, boolean shared) throws IOException {
			return channel.tryLock(position, size, shared);
		}

		@Override
		protected void implCloseChannel() throws IOException {
			channel.close();
		}

	}

}
