package io.github.serverlessmaven.packaging;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The little a handler check needs from a class file: its super class, interfaces and methods. A reader of
 * the class file format (JVMS chapter 4), so no bytecode library is needed.
 */
record ClassFileInfo(String name, String superName, List<String> interfaces, int access, List<Method> methods) {

    static final int ACC_PUBLIC = 0x0001;
    static final int ACC_STATIC = 0x0008;
    static final int ACC_INTERFACE = 0x0200;
    static final int ACC_ABSTRACT = 0x0400;

    record Method(String name, String descriptor, int access) {

        boolean isPublic() {
            return (access & ACC_PUBLIC) != 0;
        }

        int parameterCount() {
            int count = 0;
            int i = 1;
            while (descriptor.charAt(i) != ')') {
                char c = descriptor.charAt(i);
                while (c == '[') {
                    c = descriptor.charAt(++i);
                }
                if (c == 'L') {
                    i = descriptor.indexOf(';', i);
                }
                i++;
                count++;
            }
            return count;
        }
    }

    static ClassFileInfo parse(byte[] bytes) throws IOException {
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        int[] classNameIndex = new int[count];
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNameIndex[i] = in.readUnsignedShort();
                case 8, 16, 19, 20 -> in.readUnsignedShort();
                case 3, 4, 9, 10, 11, 12, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        int access = in.readUnsignedShort();
        String name = utf8[classNameIndex[in.readUnsignedShort()]];
        int superIndex = in.readUnsignedShort();
        String superName = superIndex == 0 ? null : utf8[classNameIndex[superIndex]];
        int interfaceCount = in.readUnsignedShort();
        List<String> interfaces = new ArrayList<>();
        for (int i = 0; i < interfaceCount; i++) {
            interfaces.add(utf8[classNameIndex[in.readUnsignedShort()]]);
        }
        skipMembers(in);
        int methodCount = in.readUnsignedShort();
        List<Method> methods = new ArrayList<>();
        for (int i = 0; i < methodCount; i++) {
            int methodAccess = in.readUnsignedShort();
            String methodName = utf8[in.readUnsignedShort()];
            String descriptor = utf8[in.readUnsignedShort()];
            skipAttributes(in);
            methods.add(new Method(methodName, descriptor, methodAccess));
        }
        return new ClassFileInfo(name, superName, interfaces, access, methods);
    }

    private static void skipMembers(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            in.readUnsignedShort();
            in.readUnsignedShort();
            skipAttributes(in);
        }
    }

    private static void skipAttributes(DataInputStream in) throws IOException {
        int count = in.readUnsignedShort();
        for (int i = 0; i < count; i++) {
            in.readUnsignedShort();
            int length = in.readInt();
            in.skipNBytes(length);
        }
    }
}
