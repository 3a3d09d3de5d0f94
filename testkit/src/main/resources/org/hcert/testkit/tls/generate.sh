#!/bin/sh
# Regenerate the throwaway TLS test material in this folder (OpenSSL 1.1.1 or later).
# TEST KEYS ONLY: the private keys are public in this repository; never trust ca.pem anywhere else.
set -eu
cd "$(dirname "$0")"
days=36500
key() { openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -out "$1" 2>/dev/null; }
ext() { printf 'subjectAltName=%s\nextendedKeyUsage=%s\nbasicConstraints=CA:FALSE\n' "$1" "$2" > "$3"; }
ca() { # ca NAME SUBJECT
  key "$1.key"
  openssl req -x509 -new -key "$1.key" -subj "$2" -days $days -sha256 \
    -addext basicConstraints=critical,CA:TRUE -addext keyUsage=critical,keyCertSign,cRLSign -out "$1.pem"
}
leaf() { # leaf NAME SUBJECT SAN EKU
  key "$1.key"
  ext "$3" "$4" "$1.ext"
  openssl req -new -key "$1.key" -subj "$2" -out "$1.csr"
  openssl x509 -req -in "$1.csr" -CA ca.pem -CAkey ca.key -CAcreateserial -days $days -sha256 -extfile "$1.ext" -out "$1.pem" 2>/dev/null
  rm -f "$1.csr" "$1.ext"
}
ca ca "/O=hcert tests/CN=hcert test lab CA"
ca other-ca "/O=hcert tests/CN=some other CA"
leaf robot "/O=hcert tests/CN=robot on 127.0.0.1" "IP:127.0.0.1,DNS:localhost" serverAuth
leaf wrong-host "/O=hcert tests/CN=robot-9.lab.example" "DNS:robot-9.lab.example" serverAuth
leaf client "/O=hcert tests/CN=hcert harness" "DNS:harness.lab.example" clientAuth
key self-signed.key
openssl req -x509 -new -key self-signed.key -subj "/CN=robot-7 self-signed" -days $days -sha256 \
  -addext subjectAltName=DNS:robot-7.local -out self-signed.pem
openssl pkcs12 -export -in robot.pem -inkey robot.key -name robot -passout pass:hcert-test -out robot.p12
rm -f ca.srl other-ca.key
