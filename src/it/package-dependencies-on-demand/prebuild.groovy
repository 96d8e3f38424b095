import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

// The service's own deployable, as a Python build would leave it.
File zip = new File(basedir, 'dist/app.zip')
zip.parentFile.mkdirs()
zip.withOutputStream { out ->
    new ZipOutputStream(out).withCloseable { z ->
        z.putNextEntry(new ZipEntry('handler.py'))
        z.write('def main(event, context):\n    return event\n'.bytes)
        z.closeEntry()
    }
}
return true
