// Fails (never skips) without the emulator, and starts from an empty one.
assert motoEndpoint?.trim() : 'This IT needs the moto emulator: run scripts/test (it passes -Dmoto.endpoint)'
def reset = new URL(motoEndpoint + '/moto-api/reset').openConnection()
reset.requestMethod = 'POST'
reset.doOutput = true
reset.outputStream.close()
assert reset.responseCode == 200
return true
